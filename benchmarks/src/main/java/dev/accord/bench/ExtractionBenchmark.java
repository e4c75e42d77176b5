package dev.accord.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accord.ingest.clean.ArticleDraft;
import dev.accord.ingest.clean.BoilerplateCleaner;
import dev.accord.ingest.clean.CleanedArticle;
import dev.accord.ingest.extract.ClauseSplitter;
import dev.accord.ingest.extract.FoundInitiative;
import dev.accord.ingest.extract.InitiativeExtractor;
import dev.accord.ingest.tag.Tagger;
import dev.accord.ingest.tag.Tags;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * {@code seed} is the pasted seed text; {@code fact-sheet-60kb} joins the corpus's fact sheets into one 60 KB
 * list-shaped text; the others are fixture HTML pages.
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

    /** Fact sheets of the extraction corpus, joined until they make one list-shaped text of this size. */
    private static final int FACT_SHEET_BYTES = 60_000;
    private static final Path CORPUS = Path.of("corpus/extraction/docs");

    @Param({"seed", "aeb-chron-esper-vietnam-coastguard", "readability-nytimes-1", "fact-sheet-60kb"})
    public String article;

    private final BoilerplateCleaner cleaner = new BoilerplateCleaner();
    private final Tagger tagger = new Tagger();
    private final InitiativeExtractor extractor = new InitiativeExtractor(tagger, new ClauseSplitter());
    private ArticleDraft draft;

    @Setup
    public void load() throws IOException {
        if (article.equals("fact-sheet-60kb")) {
            draft = new ArticleDraft(null, null, null, null, null, factSheet());
            return;
        }
        draft = article.equals("seed")
                ? new ArticleDraft(null, null, null, null, null,
                        Files.readString(Path.of("samples/thehill-2024-04-kishida-state-visit.txt")))
                : new ArticleDraft(null, null, null, null, Files.readString(FIXTURES.resolve(article).resolve("source.html")), null);
    }

    private static String factSheet() throws IOException {
        ObjectMapper json = new ObjectMapper();
        StringBuilder text = new StringBuilder();
        try (Stream<Path> docs = Files.list(CORPUS)) {
            for (Path doc : docs.sorted().toList()) {
                JsonNode node = json.readTree(doc.toFile());
                if (node.path("kind").asText().equals("fact-sheet") && text.length() < FACT_SHEET_BYTES) {
                    text.append(node.path("text").asText()).append("\n\n");
                }
            }
        }
        return text.substring(0, Math.min(text.length(), FACT_SHEET_BYTES));
    }

    @Benchmark
    public Object cleanExtractTag() {
        CleanedArticle cleaned = cleaner.clean(draft);
        List<FoundInitiative> found = extractor.extract(cleaned.text());
        Tags tags = tagger.tag(cleaned.text());
        return found.size() + tags.topics().size();
    }
}
