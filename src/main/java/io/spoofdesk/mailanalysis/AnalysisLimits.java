package io.spoofdesk.mailanalysis;

/**
 * The bounds that keep analysis of hostile input finite: how big a mail may be, how many
 * MIME parts and how deep they nest, and how far archives are looked into.
 */
public record AnalysisLimits(long maxMailBytes, int maxParts, int maxDepth, int maxArchiveEntries,
		long maxArchiveUncompressedBytes, long maxNestedArchiveBytes, int maxTextChars, int maxUrls) {

	public static final long DEFAULT_MAX_MAIL_BYTES = 25L * 1024 * 1024;

	public static AnalysisLimits defaults() {
		return withMaxMailBytes(DEFAULT_MAX_MAIL_BYTES);
	}

	public static AnalysisLimits withMaxMailBytes(long maxMailBytes) {
		return new AnalysisLimits(maxMailBytes, 500, 12, 1000, 100L * 1024 * 1024, 8L * 1024 * 1024, 1_000_000, 500);
	}

}
