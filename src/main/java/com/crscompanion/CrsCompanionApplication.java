package com.crscompanion;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts the web chat; the first argument may name a command-line tool instead (see {@code channels.cli}). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CrsCompanionApplication {

	public static void main(String[] args) {
		SpringApplication.run(CrsCompanionApplication.class, args);
	}

}
