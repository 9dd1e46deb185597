package com.crscompanion;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

import com.crscompanion.channels.cli.CommandLineTools;

/**
 * Starts the web chat, or, when the first argument names a command-line tool ({@code ask}, {@code passages},
 * {@code eval}), runs that tool without a web server and exits.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CrsCompanionApplication {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(CrsCompanionApplication.class);
		boolean command = args.length > 0 && CommandLineTools.COMMANDS.contains(args[0]);
		if (!command) {
			application.run(args);
			return;
		}
		application.setWebApplicationType(WebApplicationType.NONE);
		// the tool's output is the point; start-up logging would bury it
		System.setProperty(CommandLineTools.COMMAND_PROPERTY, args[0]);
		System.setProperty("logging.level.root", "warn");
		ConfigurableApplicationContext context = application.run(args);
		System.exit(SpringApplication.exit(context));
	}

}
