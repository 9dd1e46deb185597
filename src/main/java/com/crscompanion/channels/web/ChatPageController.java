package com.crscompanion.channels.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * Serves the chat page with the configured emergency line and disclaimer written into the HTML, so they show even
 * before (or without) any script running.
 */
@RestController
class ChatPageController {

	private final String page;

	ChatPageController(WebChatProperties properties) {
		try {
			String template = new ClassPathResource("web/chat.html").getContentAsString(StandardCharsets.UTF_8);
			this.page = template.replace("{{title}}", HtmlUtils.htmlEscape(properties.title()))
				.replace("{{emergencyLine}}", HtmlUtils.htmlEscape(properties.emergencyLine()))
				.replace("{{disclaimer}}", HtmlUtils.htmlEscape(properties.disclaimer()))
				.replace("{{placeholder}}", HtmlUtils.htmlEscape(properties.placeholder()))
				.replace("{{sendLabel}}", HtmlUtils.htmlEscape(properties.sendLabel()))
				.replace("{{humanLabel}}", HtmlUtils.htmlEscape(properties.humanLabel()))
				.replace("{{coordinatorPrefix}}", HtmlUtils.htmlEscape(properties.coordinatorPrefix()))
				.replace("{{connectionError}}", HtmlUtils.htmlEscape(properties.connectionError()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
	String page() {
		return this.page;
	}

}
