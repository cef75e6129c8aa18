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
		long peak = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP)
			.mapToLong(pool -> pool.getPeakUsage().getUsed())
			.sum();
		System.out.printf("peak heap during the measured run: %.0f MB (-Xmx %.0f MB)%n", peak / 1e6,
				Runtime.getRuntime().maxMemory() / 1e6);
	}

}
