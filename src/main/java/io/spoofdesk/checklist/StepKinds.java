package io.spoofdesk.checklist;

import java.util.regex.Pattern;

/**
 * The "kind" of a step that other modules react to, and by which done work carries over
 * when a checklist is swapped for another playbook. Any upper-case word is allowed; these
 * are the ones SpoofDesk itself knows.
 */
public final class StepKinds {

	public static final String NOTIFY_PARTNERS = "NOTIFY_PARTNERS";

	public static final String ROTATE_PASSWORDS = "ROTATE_PASSWORDS";

	public static final String NOTIFY_STAFF = "NOTIFY_STAFF";

	public static final String AV_SCAN = "AV_SCAN";

	/** The quick report to the Personal Information Protection Commission. */
	public static final String REPORT_PPC_QUICK = "REPORT_PPC_QUICK";

	/** The confirmed report to the Commission and the notice to the people affected. */
	public static final String REPORT_PPC_FINAL = "REPORT_PPC_FINAL";

	static final Pattern VALID = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

	private StepKinds() {
	}

	/**
	 * Whether a step's due time counts from when the leak was recognised (the legal
	 * deadlines of APPI Enforcement Rules art. 8) rather than from the incident's report.
	 */
	static boolean countsFromLeak(String kind) {
		return REPORT_PPC_QUICK.equals(kind) || REPORT_PPC_FINAL.equals(kind);
	}

}
