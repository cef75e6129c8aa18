package io.spoofdesk.mailanalysis;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.spoofdesk.support.ApiClient;
import io.spoofdesk.support.OurCompany;
import io.spoofdesk.support.ServerTest;
import io.spoofdesk.support.Users;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/v1/mail-analysis} under several clients at once: the corpus of
 * {@link MailCorpus} (shaped like real phishing mail) written to target/mail-corpus and
 * posted in turn by wrk ({@code bench/post-corpus.lua}, N connections, default 4) with a
 * personal API token, through HTTP, security, the engine and the JSON answer; a warm-up
 * run (three minutes by default: the JIT takes that long to settle on 2 cores), then a
 * measured one: MB/s of mail analysed. The client is a separate process, so the JVM
 * measured is the server's alone. Runs only when asked for
 * ({@code bench/mail-analysis-api.sh}); the numbers go to docs/benchmarks.md.
 */
@ServerTest
@EnabledIfSystemProperty(named = "benchmark", matches = "mail-analysis-api")
class MailAnalysisApiBenchmark {

	static final Pattern SECRET = Pattern.compile("\"token\":\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Test
	void measure() throws Exception {
		int count = Integer.getInteger("benchmark.mails", 1000);
		int clients = Integer.getInteger("benchmark.clients", 4);
		List<byte[]> corpus = MailCorpus.generate(42, count);
		long bytes = corpus.stream().mapToLong(mail -> mail.length).sum();
		Path directory = Path.of("target", "mail-corpus");
		Files.createDirectories(directory);
		for (int i = 0; i < corpus.size(); i++) {
			Files.write(directory.resolve("%05d.eml".formatted(i + 1)), corpus.get(i));
		}
		Files.writeString(directory.resolve("count"), Integer.toString(corpus.size()));
		OurCompany.isKitamura(this.port);
		String helpdesk = Users.create(this.port, "HELPDESK");
		HttpResponse<String> created = ApiClient.basic(this.port, helpdesk, Users.PASSWORD)
			.post("/api/v1/tokens", "{\"name\": \"benchmark\"}");
		Matcher secret = SECRET.matcher(created.body());
		assertThat(secret.find()).as(created.body()).isTrue();
		System.out.printf("corpus: %d mails, %.1f MB (%.0f KB on average)%n", count, bytes / 1e6, bytes / 1e3 / count);

		wrk(directory, "Bearer " + secret.group(1), clients, System.getProperty("benchmark.warmup", "180s"));
		String result = wrk(directory, "Bearer " + secret.group(1), clients,
				System.getProperty("benchmark.run", "30s"));
		System.out.println("POST /api/v1/mail-analysis, " + clients + " clients (wrk): " + result);
		assertThat(result).contains("failed=0 errors=0");
	}

	/** Runs wrk with bench/post-corpus.lua; answers its RESULT line. */
	private String wrk(Path corpus, String authorization, int clients, String duration) throws Exception {
		ProcessBuilder builder = new ProcessBuilder("wrk", "-t" + clients, "-c" + clients, "-d" + duration, "-s",
				"bench/post-corpus.lua", "http://127.0.0.1:" + this.port + "/api/v1/mail-analysis")
			.redirectErrorStream(true);
		builder.environment().put("WRK_CORPUS", corpus.toAbsolutePath().toString());
		builder.environment().put("WRK_AUTHORIZATION", authorization);
		Process wrk = builder.start();
		String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(wrk.waitFor()).as(output).isZero();
		return output.lines().filter(line -> line.startsWith("RESULT")).findFirst().orElse(output);
	}

}
