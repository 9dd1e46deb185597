package com.crscompanion.handoff;

import java.util.Objects;

/**
 * A coordinator acting on a handoff.
 *
 * @param id stable and unique: "telegram:123456" or "console:anna"
 * @param name the first name families see ("Coordinator Anna")
 */
public record Coordinator(String id, String name) {

	public Coordinator {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(name, "name");
	}

}
