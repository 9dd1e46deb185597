package com.crscompanion.channels.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.util.matcher.RequestMatcher;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

/**
 * Only the coordinators' console needs a login. The family web chat and its API stay open (families have no
 * accounts), and the Telegram webhook checks Telegram's secret header itself, so both are outside CSRF protection;
 * the console uses the cookie-to-header CSRF token its page sends back. The console's JSON API answers 401 and 403
 * with a JSON body instead of the login page, so the page can tell the coordinator to log in again.
 * <p>
 * Only in the web application: the command-line tools have no HTTP security to configure.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ConsoleProperties.class)
class SecurityConfiguration {

	static final String ROLE = "COORDINATOR";

	static final String API = "/console/api/**";

	private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

	@Bean
	SecurityFilterChain security(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(requests -> requests.requestMatchers("/console", "/console/**")
			.hasRole(ROLE)
			.anyRequest()
			.permitAll())
			.formLogin(login -> login.defaultSuccessUrl("/console", true))
			.logout(logout -> logout.logoutSuccessUrl("/login?logout"))
			.csrf(csrf -> csrf.spa().ignoringRequestMatchers("/api/**", "/telegram/**"))
			.exceptionHandling(exceptions -> {
				RequestMatcher api = pathPattern(API);
				exceptions.defaultAuthenticationEntryPointFor(notLoggedIn(), api);
				exceptions.defaultAccessDeniedHandlerFor(refused(), api);
			});
		return http.build();
	}

	private static AuthenticationEntryPoint notLoggedIn() {
		return (request, response, ex) -> json(response, HttpServletResponse.SC_UNAUTHORIZED,
				"Not logged in (or the session has ended): log in again at /login");
	}

	/** Every account is a coordinator: in practice a POST without the page's CSRF header (a script, a forged form). */
	private static AccessDeniedHandler refused() {
		return (request, response, ex) -> {
			log.warn("Console request {} {} by {} refused: {}", request.getMethod(), request.getRequestURI(),
					request.getRemoteUser(), ex.getMessage());
			json(response, HttpServletResponse.SC_FORBIDDEN, (ex instanceof CsrfException)
					? "Refused: the request had no valid CSRF token. Reload the console page and try again."
					: "Refused: this account may not use the console.");
		};
	}

	/** The messages are constants without quotes or backslashes, so they need no JSON library. */
	private static void json(HttpServletResponse response, int status, String error) throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter().write("{\"error\": \"" + error + "\"}");
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	InMemoryUserDetailsManager coordinators(ConsoleProperties properties, PasswordEncoder encoder) {
		List<UserDetails> users = new ArrayList<>();
		for (ConsoleProperties.User user : properties.users()) {
			users.add(User.withUsername(user.username()).password(user.password()).roles(ROLE).build());
		}
		if (users.isEmpty()) {
			byte[] random = new byte[12];
			new SecureRandom().nextBytes(random);
			String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
			users.add(User.withUsername("coordinator").password(encoder.encode(password)).roles(ROLE).build());
			log.warn("No coordinator accounts in crs.console.users: the console at /console accepts user "
					+ "'coordinator' with the password {} until the next restart. Configure accounts (README, "
					+ "\"Coordinator console\") before going live.", password);
		}
		return new InMemoryUserDetailsManager(users);
	}

	/** The name families see for a console user: the configured first name, else the user name. */
	@Bean
	CoordinatorNames coordinatorNames(ConsoleProperties properties) {
		return new CoordinatorNames(properties.users());
	}

	record CoordinatorNames(List<ConsoleProperties.User> users) {

		String nameOf(String username) {
			return this.users.stream()
				.filter(user -> user.username().equals(username))
				.map(ConsoleProperties.User::name)
				.findFirst()
				.orElse(username);
		}

	}

}
