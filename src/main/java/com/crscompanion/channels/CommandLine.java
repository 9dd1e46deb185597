package com.crscompanion.channels;

import java.util.Set;

/** The command-line tools the application can run instead of the web chat (see {@code channels.cli}). */
public final class CommandLine {

	/** Set to the command's name to run it; the web server is then not started. */
	public static final String COMMAND_PROPERTY = "crs.cli.command";

	public static final Set<String> COMMANDS = Set.of("ask", "passages", "eval", "hash-password");

	private CommandLine() {
	}

	public static boolean isCommand(String[] args) {
		return args.length > 0 && COMMANDS.contains(args[0]);
	}

}
