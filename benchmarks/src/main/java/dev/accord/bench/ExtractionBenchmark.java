package dev.accord.bench;

import dev.accord.ingest.service.ArticleDraft;
import dev.accord.ingest.service.BoilerplateCleaner;
import dev.accord.ingest.service.ClauseSplitter;
import dev.accord.ingest.service.CleanedArticle;
import dev.accord.ingest.service.FoundInitiative;
import dev.accord.ingest.service.InitiativeExtractor;
import dev.accord.ingest.service.SentenceSplitter;
import dev.accord.ingest.service.Tagger;
import dev.accord.ingest.service.Tags;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Clean + split + extract + tag one article on one thread: articles per second per core.
 * {@code seed} is the pasted seed text; the others are fixture HTML pages.
 * Run from the repository root: {@code java -cp 'benchmarks/target/benchmarks.jar:benchmarks/target/lib/*' org.openjdk.jmh.Main}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class ExtractionBenchmark {

    private static final Path FIXTURES = Path.of("ingest-service/src/test/resources/fixtures/articles");

    @Param({"seed", "aeb-chron-esper-vietnam-coastguard", "readability-nytimes-1"})
    public String article;

    private final BoilerplateCleaner cleaner = new BoilerplateCleaner();
    private final SentenceSplitter splitter = new SentenceSplitter();
    private final Tagger tagger = new Tagger();
    private final InitiativeExtractor extractor = new InitiativeExtractor(tagger, new ClauseSplitter());
    private ArticleDraft draft;

    @Setup
    public void load() throws IOException {
        draft = article.equals("seed")
                ? new ArticleDraft(null, null, null, null, null,
                        Files.readString(Path.of("samples/thehill-2024-04-kishida-state-visit.txt")))
                : new ArticleDraft(null, null, null, null, Files.readString(FIXTURES.resolve(article).resolve("source.html")), null);
    }

    @Benchmark
    public Object cleanExtractTag() {
        CleanedArticle cleaned = cleaner.clean(draft);
        List<FoundInitiative> found = extractor.extract(splitter.split(cleaned.text()));
        Tags tags = tagger.tag(cleaned.text());
        return found.size() + tags.topics().size();
    }
}
