package com.crscompanion.channels.console;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The coordinators' web console ({@code /console}).
 *
 * @param users who may log in; none configured means one account "coordinator" with a password generated at each
 * start and written to the log (fine on a laptop, not on a server)
 */
@Validated
@ConfigurationProperties("crs.console")
record ConsoleProperties(@NotNull List<@Valid User> users) {

	/**
	 * One coordinator.
	 *
	 * @param username what they log in with
	 * @param name the first name families see ("Coordinator Anna")
	 * @param password the password's hash, {@code {bcrypt}$2a$...}; make one with
	 * {@code java -jar target/crs-companion.jar hash-password}
	 */
	record User(@NotBlank String username, @NotBlank String name, @NotBlank String password) {

		@AssertTrue(message = "crs.console.users[].password must be a hash such as {bcrypt}$2a$10$..., never the "
				+ "password itself: make one with `java -jar target/crs-companion.jar hash-password`")
		boolean isPasswordHashed() {
			return this.password == null || this.password.startsWith("{bcrypt}") || this.password.startsWith("{argon2}")
					|| this.password.startsWith("{pbkdf2}") || this.password.startsWith("{scrypt}");
		}

	}

}
