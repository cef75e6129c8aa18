package io.spoofdesk.incident;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Something another module holds that a new incident can start from (a suspicious mail
 * that was uploaded first). The new-incident form is pre-filled from it, and once the
 * incident is created the source is attached to it in the same transaction.
 */
public interface IncidentSource {

	/**
	 * The pre-filled values for a reference this source knows ({@code mail:<sha256>}), or
	 * empty.
	 */
	Optional<Prefill> prefill(String reference);

	/** Attaches the referenced thing to the incident just created. */
	void attach(long incidentId, String reference);

	/**
	 * What the form is pre-filled with; null fields keep the form's defaults. The page
	 * describes the source from {@code origin} in the reader's language.
	 */
	record Prefill(String title, Channel channel, Severity severity, String summary, List<String> impersonatedAddresses,
			Instant mailReceivedAt, Long partnerId, Origin origin) {

	}

	/**
	 * Where a pre-filled form comes from: the mail's sender, subject and verdict (a code
	 * the page labels), and the references of incidents that already hold the same mail.
	 */
	record Origin(String from, String subject, String verdict, List<String> alreadyOn) {

	}

}
