package io.spoofdesk.mailanalysis;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Hashes an attachment and flags what makes it dangerous. ZIP archives (and Office
 * documents, which are ZIPs) are inspected from their central directory, never extracted:
 * entry names, the encryption bit, declared sizes. A nested ZIP is opened one level deep,
 * read into memory only up to a cap. Past any bound the attachment is flagged
 * {@code ARCHIVE_LIMIT_EXCEEDED}; nothing here throws.
 */
final class AttachmentInspector {

	private static final int MAX_LISTED_ENTRIES = 100;

	private static final long RATIO_CHECK_FROM = 1024 * 1024;

	private static final long MAX_RATIO = 100;

	private final AnalysisLimits limits;

	private final Warnings warnings;

	AttachmentInspector(AnalysisLimits limits, Warnings warnings) {
		this.limits = limits;
		this.warnings = warnings;
	}

	MailAnalysis.Attachment inspect(ParsedMail.RawAttachment raw) {
		byte[] bytes = raw.bytes();
		Set<IndicatorCode> flags = EnumSet.noneOf(IndicatorCode.class);
		flags.addAll(FileKinds.byName(raw.filename()));
		flags.addAll(FileKinds.byContent(bytes));
		List<String> entries = new ArrayList<>();
		String extension = FileKinds.extension(raw.filename());
		if (FileKinds.isZip(bytes) || extension.equals("zip")) {
			inspectZip(bytes, FileKinds.shown(raw.filename()), 0, flags, entries);
		}
		else if (FileKinds.ARCHIVE.contains(extension)) {
			this.warnings
				.add("archive " + FileKinds.shown(raw.filename()) + ": the " + extension + " format is not inspected");
		}
		if (raw.filename() != null && raw.filename().length() > FileKinds.MAX_NAME_CHARS) {
			this.warnings.add("an attachment name longer than " + FileKinds.MAX_NAME_CHARS + " characters was cut");
		}
		return new MailAnalysis.Attachment(FileKinds.shown(raw.filename()), raw.contentType(), bytes.length,
				sha256(bytes), List.copyOf(flags), entries);
	}

	private void inspectZip(byte[] bytes, String name, int level, Set<IndicatorCode> flags, List<String> entries) {
		try (ZipFile zip = ZipFile.builder()
			.setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes))
			.setCharset(Charsets.WINDOWS_31J)
			.get()) {
			List<ZipArchiveEntry> all = Collections.list(zip.getEntries());
			if (isOfficeDocument(all)) {
				if (all.stream()
					.anyMatch(entry -> entry.getName().toLowerCase(Locale.ROOT).endsWith("vbaproject.bin"))) {
					flags.add(IndicatorCode.MACRO_DOCUMENT);
				}
				return;
			}
			if (all.size() > this.limits.maxArchiveEntries()) {
				limitExceeded(flags, name + ": more than " + this.limits.maxArchiveEntries() + " entries");
			}
			long total = 0;
			for (ZipArchiveEntry entry : all.subList(0, Math.min(all.size(), this.limits.maxArchiveEntries()))) {
				if (entries.size() < MAX_LISTED_ENTRIES) {
					entries.add(level == 0 ? FileKinds.shown(entry.getName())
							: name + "/" + FileKinds.shown(entry.getName()));
				}
				if (entry.getGeneralPurposeBit().usesEncryption()) {
					flags.add(IndicatorCode.ENCRYPTED_ARCHIVE);
				}
				flags.addAll(FileKinds.byName(entry.getName()));
				long size = entry.getSize();
				if (size > 0) {
					total += size;
					long compressed = entry.getCompressedSize();
					if (size >= RATIO_CHECK_FROM && compressed > 0 && size / compressed > MAX_RATIO) {
						limitExceeded(flags, name + ": " + FileKinds.shown(entry.getName()) + " expands "
								+ (size / compressed) + " times (compression bomb?)");
					}
				}
				if (isArchiveName(entry.getName()) && !entry.isDirectory()) {
					inspectNested(zip, entry, name, level, flags, entries);
				}
			}
			if (total > this.limits.maxArchiveUncompressedBytes()) {
				limitExceeded(flags, name + ": expands to " + total + " bytes, over the limit of "
						+ this.limits.maxArchiveUncompressedBytes());
			}
		}
		catch (IOException | RuntimeException ex) {
			this.warnings.add("archive " + name + " could not be read (truncated or damaged): " + ex.getMessage());
			inspectLocalHeaders(bytes, name, flags, entries);
		}
	}

	private void inspectNested(ZipFile zip, ZipArchiveEntry entry, String outer, int level, Set<IndicatorCode> flags,
			List<String> entries) {
		String name = outer + "/" + FileKinds.shown(entry.getName());
		if (level >= 1) {
			limitExceeded(flags, name + ": an archive nested more than one level deep");
			return;
		}
		if (entry.getGeneralPurposeBit().usesEncryption() || !zip.canReadEntryData(entry)) {
			return;
		}
		long cap = this.limits.maxNestedArchiveBytes();
		if (entry.getSize() > cap || entry.getCompressedSize() > cap) {
			limitExceeded(flags, name + ": a nested archive over " + cap + " bytes");
			return;
		}
		try (InputStream in = zip.getInputStream(entry)) {
			byte[] inner = in.readNBytes((int) cap + 1);
			if (inner.length > cap) {
				limitExceeded(flags, name + ": a nested archive over " + cap + " bytes");
				return;
			}
			inspectZip(inner, name, level + 1, flags, entries);
		}
		catch (IOException | RuntimeException ex) {
			this.warnings.add("nested archive " + name + " could not be read: " + ex.getMessage());
		}
	}

	/** A damaged ZIP without a central directory: read what the local headers say. */
	private void inspectLocalHeaders(byte[] bytes, String name, Set<IndicatorCode> flags, List<String> entries) {
		try (ZipArchiveInputStream in = new ZipArchiveInputStream(new ByteArrayInputStream(bytes), "windows-31j", true,
				true)) {
			ZipArchiveEntry entry;
			int count = 0;
			while ((entry = in.getNextEntry()) != null && count++ < this.limits.maxArchiveEntries()) {
				if (entries.size() < MAX_LISTED_ENTRIES) {
					entries.add(FileKinds.shown(entry.getName()));
				}
				if (entry.getGeneralPurposeBit().usesEncryption()) {
					flags.add(IndicatorCode.ENCRYPTED_ARCHIVE);
				}
				flags.addAll(FileKinds.byName(entry.getName()));
			}
		}
		catch (IOException | RuntimeException ex) {
			// what was listed before the damage is kept, and the analysis says where it
			// stopped
			this.warnings
				.add("archive " + name + ": its entries could be read only up to the damage (" + ex.getMessage() + ")");
		}
	}

	private void limitExceeded(Set<IndicatorCode> flags, String why) {
		flags.add(IndicatorCode.ARCHIVE_LIMIT_EXCEEDED);
		this.warnings.add("archive limit: " + why);
	}

	private static boolean isOfficeDocument(List<ZipArchiveEntry> entries) {
		return entries.stream().anyMatch(entry -> entry.getName().equals("[Content_Types].xml"));
	}

	private static boolean isArchiveName(String name) {
		return FileKinds.extension(name).equals("zip");
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
