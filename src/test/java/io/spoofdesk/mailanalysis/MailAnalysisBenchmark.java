package io.spoofdesk.mailanalysis;

import java.lang.management.ManagementFactory;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Single-thread throughput of the analysis engine on a generated corpus shaped like real
 * phishing mail (see {@link MailCorpus}), and the cost of a 200 MiB ZIP bomb. A test that
 * runs only when asked for ({@code bench/mail-analysis.sh}); the numbers go to
 * docs/benchmarks.md. Not a main class: the developer run finds its main class by
 * scanning the test classes.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "mail-analysis")
class MailAnalysisBenchmark {

	/**
	 * A mail just under the 25 MB cap built to be worst-case for every pattern the engine
	 * runs over mail text: file and ZIP entry names of dots and spaces, URLs ending in
	 * punctuation, runs of address characters and '@', quote markers, password keywords
	 * followed by spaces, a Received header of brackets, a display name of address
	 * characters.
	 */
	static byte[] worstCase() {
		StringBuilder text = new StringBuilder();
		while (text.length() < 7_000_000) {
			text.append("http://a.example/").append(".".repeat(50_000)).append('\n');
			text.append("> ").append("a".repeat(50_000)).append('\n');
			text.append("@a".repeat(20_000)).append('\n');
			text.append("pass").append(" ".repeat(50_000)).append('\n');
			text.append("-----Original Message-----\nFrom: ").append("x".repeat(20_000)).append('\n');
		}
		TestMail mail = TestMail.from("\"" + "a".repeat(15_000) + "\" <a@example.top>")
			.received("from (" + "a.".repeat(4_000) + " (" + "(".repeat(8_000) + " by mx1.kitamura-seiki.co.jp")
			.text(text.toString())
			.html("<p>" + text.toString().replace("\n", "<br>") + "</p>");
		for (int i = 0; i < 10; i++) {
			mail.attach("x" + ".".repeat(100_000) + "y" + i, "application/octet-stream", new byte[] { 1 });
			mail.attach("a.pdf" + " ".repeat(100_000) + "b" + i + ".exe", "application/octet-stream", new byte[] { 1 });
		}
		mail.attach("names.zip", "application/zip",
				TestMail.zip("x" + ".".repeat(60_000) + "y", "z", "a.pdf" + " ".repeat(60_000) + ".exe", "z"));
		return mail.bytes();
	}

	@Test
	void measure() {
		int count = Integer.getInteger("benchmark.mails", 1000);
		List<byte[]> corpus = MailCorpus.generate(42, count);
		long bytes = corpus.stream().mapToLong(mail -> mail.length).sum();
		MailAnalyzer analyzer = new MailAnalyzer();
		AnalysisContext context = SampleContexts.kitamura();
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

		for (int round = 0; round < 3; round++) {
			corpus.forEach(mail -> analyzer.analyze(mail, context));
		}
		ManagementFactory.getMemoryPoolMXBeans().forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
		int suspicious = 0;
		long started = System.nanoTime();
		for (byte[] mail : corpus) {
			if (analyzer.analyze(mail, context).verdict() == MailAnalysis.Verdict.SUSPICIOUS) {
				suspicious++;
			}
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		System.out.printf("corpus: %d mails, %.1f MB, %d flagged suspicious%n", count, bytes / 1e6, suspicious);
		System.out.printf("throughput: %.1f MB/s, %.0f mails/s (one thread, %.2f s)%n", bytes / 1e6 / seconds,
				count / seconds, seconds);

		byte[] bomb = TestMail.from("scanner@cdn-upd.example.top")
			.subject("Scanned document")
			.text("Please see the attached scan.")
			.attach("scan_0001.zip", "application/zip", TestMail.zipOfZeros("report.txt", 200 * 1024 * 1024))
			.bytes();
		analyzer.analyze(bomb, context);
		long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
		long bombStarted = System.nanoTime();
		MailAnalysis analysis = analyzer.analyze(bomb, context);
		double bombMillis = (System.nanoTime() - bombStarted) / 1e6;
		long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
		System.out.printf(
				"zip bomb: %d-byte mail expanding to 200 MiB, analysed in %.1f ms, %.1f MB allocated, flags %s%n",
				bomb.length, bombMillis, allocated / 1e6, analysis.attachments().get(0).flags());
		byte[] worst = worstCase();
		analyzer.analyze(worst, context);
		long worstStarted = System.nanoTime();
		MailAnalysis worstAnalysis = analyzer.analyze(worst, context);
		System.out.printf(
				"worst case: a %.1f MB mail crafted against each pattern, analysed in %.0f ms (%d warnings)%n",
				worst.length / 1e6, (System.nanoTime() - worstStarted) / 1e6, worstAnalysis.warnings().size());
		long peak = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP)
			.mapToLong(pool -> pool.getPeakUsage().getUsed())
			.sum();
		System.out.printf("peak heap during the measured run: %.0f MB (-Xmx %.0f MB)%n", peak / 1e6,
				Runtime.getRuntime().maxMemory() / 1e6);
	}

}
