package dev.accord.bench;

import dev.accord.ingest.clean.ArticleDraft;
import dev.accord.ingest.clean.BoilerplateCleaner;
import dev.accord.ingest.clean.CleanedArticle;
import dev.accord.ingest.intake.BodyDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Boilerplate removal over every page of {@code corpus/pages}, one thread: each call cleans the next page in turn,
 * so JMH's sampled times are a distribution over the corpus's pages, and its p0.50 and p0.99 are the median and
 * 99th-percentile time per page. On one thread of an otherwise idle machine, time is CPU time.
 * {@code ./accord bench-cleaner} runs it beside Readability.js on the same pages.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 10)
@Fork(1)
@Threads(1)
public class CleanerBenchmark {

    private static final Path PAGES = Path.of("corpus/pages/html");

    private final BoilerplateCleaner cleaner = new BoilerplateCleaner();
    private final List<String> pages = new ArrayList<>();
    private int next;

    @Setup
    public void load() throws IOException {
        try (Stream<Path> files = Files.list(PAGES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html.gz")).sorted().toList()) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                    pages.add(BodyDecoder.decode(in.readAllBytes(), null, BodyDecoder.Declaration.HTML));
                }
            }
        }
    }

    @Benchmark
    public CleanedArticle cleanNextPage() {
        String html = pages.get(next);
        next = (next + 1) % pages.size();
        return cleaner.clean(new ArticleDraft(null, null, null, null, html, null));
    }
}
