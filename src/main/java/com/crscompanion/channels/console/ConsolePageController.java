package com.crscompanion.channels.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import com.crscompanion.channels.console.SecurityConfiguration.CoordinatorNames;

/**
 * Serves the console page (its script fetches the handoffs), with the coordinator's name written in, the way the
 * family chat page is served.
 */
@RestController
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ConsolePageController {

	private final String page;

	private final CoordinatorNames names;

	ConsolePageController(CoordinatorNames names) {
		this.names = names;
		try {
			this.page = new ClassPathResource("web/console.html").getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@GetMapping(path = "/console", produces = MediaType.TEXT_HTML_VALUE)
	String page(Principal user) {
		return this.page.replace("{{name}}", HtmlUtils.htmlEscape(this.names.nameOf(user.getName())));
	}

}
