package com.crscompanion;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

import com.crscompanion.channels.CommandLine;

/**
 * Starts the web chat, or, when the first argument names a command-line tool ({@code ask}, {@code passages},
 * {@code eval}), runs that tool without a web server and exits.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CrsCompanionApplication {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(CrsCompanionApplication.class);
		if (!CommandLine.isCommand(args)) {
			application.run(args);
			return;
		}
		application.setWebApplicationType(WebApplicationType.NONE);
		// the tool's output is the point; start-up logging would bury it
		System.setProperty(CommandLine.COMMAND_PROPERTY, args[0]);
		System.setProperty("logging.level.root", "warn");
		// a tool never touches the app's database: eval's emergency reports would open hundreds of urgent handoffs
		// that the running app then announces to the coordinators
		System.setProperty("spring.datasource.url", "jdbc:h2:mem:crs-companion-tool;DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=128");
		System.setProperty("spring.datasource.driver-class-name", "org.h2.Driver");
		System.setProperty("spring.datasource.username", "sa");
		System.setProperty("spring.datasource.password", "");
		ConfigurableApplicationContext context = application.run(args);
		System.exit(SpringApplication.exit(context));
	}

}
