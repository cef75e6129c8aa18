package io.spoofdesk.mailanalysis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What could not be read as it should, collected during one analysis (each once). */
final class Warnings {

	private static final int MAX = 50;

	private final Set<String> messages = new LinkedHashSet<>();

	void add(String message) {
		if (this.messages.size() < MAX) {
			this.messages.add(message);
		}
	}

	List<String> toList() {
		return new ArrayList<>(this.messages);
	}

}
