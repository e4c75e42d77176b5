package dev.accord.ingest.clean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Scores the cleaner on the page corpus as the article-extraction-benchmark scores extractors, with the figures
 * broken down by collection, language and site type, the worst pages, and how often the title, byline and
 * publication date read from the page match the corpus. {@code ./accord eval-cleaner [--test] [--worst N] [--page ID] [--compare readability.json]
 * [--dump DIR]}; {@code --dump} writes each page's cleaned text to {@code DIR/<id>.txt}, and its title, byline and
 * time to {@code DIR/<id>.meta}, for diffing against the truth.
 */
public final class EvaluateCleaner {

    record Scored(PageCorpus.Page page, ShingleScore score, CleanedArticle article, long nanos) {
    }

    private EvaluateCleaner() {
    }

    public static void main(String[] args) {
        boolean test = List.of(args).contains("--test");
        int worst = 20;
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--worst")) {
                worst = Integer.parseInt(args[i + 1]);
            }
        }
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--page")) {
                explain(args[i + 1]);
                return;
            }
        }
        List<Scored> scored = score(PageCorpus.split(test ? "test" : "dev"));
        report(test ? "test" : "dev", scored, worst);
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--compare")) {
                compare(scored, Path.of(args[i + 1]));
            }
            if (args[i].equals("--dump")) {
                dump(scored, Path.of(args[i + 1]));
            }
        }
    }

    /** One page: the cleaned text beside the corpus's, for reading where they part. */
    private static void explain(String id) {
        PageCorpus.Page page = PageCorpus.all().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
        Scored s = score(List.of(page)).get(0);
        System.out.printf("%s: F1 %.3f precision %.3f recall %.3f%n--- cleaned (%d chars)%n%s%n--- corpus (%d chars)%n%s%n",
                id, s.score().f1(), s.score().precision(), s.score().recall(), s.article().text().length(),
                s.article().text(), page.articleBody().length(), page.articleBody());
    }

    private static void dump(List<Scored> scored, Path dir) {
        try {
            Files.createDirectories(dir);
            for (Scored s : scored) {
                Files.writeString(dir.resolve(s.page().id() + ".txt"), s.article().text());
                Files.writeString(dir.resolve(s.page().id() + ".meta"), String.join("\n", String.valueOf(s.article().title()),
                        String.valueOf(s.article().byline()), String.valueOf(s.article().publishedAt())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Another extractor's texts for the same pages (Readability.js, from benchmarks/readability-js), same scorer. */
    private static void compare(List<Scored> scored, Path file) {
        JsonNode other;
        try {
            other = new ObjectMapper().readTree(file.toFile()).path("pages");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.printf("%ncompared with %s on the same pages%n", file.getFileName());
        compare("all pages", scored, other);
        // Readability's own test pages have its own output for truth: the comparison is fair on the others only.
        compare("not Readability's pages", scored.stream().filter(s -> !s.page().id().startsWith("readability-")).toList(), other);
    }

    private static void compare(String name, List<Scored> scored, JsonNode other) {
        List<ShingleScore> theirs = new ArrayList<>();
        for (Scored s : scored) {
            theirs.add(ShingleScore.of(s.page().articleBody(), other.path(s.page().id()).path("text").asText("")));
        }
        System.out.println(" " + name);
        line("accord", summary(scored));
        line("other", ShingleScore.summary(theirs));
    }

    static List<Scored> score(List<PageCorpus.Page> pages) {
        BoilerplateCleaner cleaner = new BoilerplateCleaner();
        List<Scored> scored = new ArrayList<>();
        for (PageCorpus.Page page : pages) {
            String html = page.html();
            long started = System.nanoTime();
            CleanedArticle article = cleaner.clean(new ArticleDraft(null, null, null, null, html, null));
            long nanos = System.nanoTime() - started;
            scored.add(new Scored(page, ShingleScore.of(page.articleBody(), article.text()), article, nanos));
        }
        return scored;
    }

    static ShingleScore.Summary summary(List<Scored> scored) {
        return ShingleScore.summary(scored.stream().map(Scored::score).toList());
    }

    static void report(String split, List<Scored> scored, int worst) {
        System.out.printf("%s split: %d pages%n", split, scored.size());
        line("all", summary(scored));
        breakdown("collection", scored, s -> s.page().id().replaceFirst("-.*", ""));
        breakdown("language", scored, s -> s.page().language());
        breakdown("site type", scored, s -> s.page().siteType());
        System.out.printf("%nworst %d pages (F1, precision, recall)%n", worst);
        scored.stream().sorted(Comparator.comparingDouble(s -> s.score().f1())).limit(worst)
                .forEach(s -> System.out.printf("  %.3f %.3f %.3f  %s (%s, %s)%n", s.score().f1(), s.score().precision(),
                        s.score().recall(), s.page().id(), s.page().language(), s.page().siteType()));
        System.out.printf("%nmetadata read from the page, where the corpus states it%n");
        metadata(scored, "title", s -> s.article().title());
        metadata(scored, "byline", s -> s.article().byline());
        dates(scored);
        List<Long> times = scored.stream().map(Scored::nanos).sorted().toList();
        System.out.printf("%nwall time per page (one cold pass, not a benchmark): median %.1f ms, p99 %.1f ms%n",
                times.get(times.size() / 2) / 1e6, times.get((int) Math.min(times.size() - 1, Math.ceil(times.size() * 0.99) - 1)) / 1e6);
    }

    private static void line(String name, ShingleScore.Summary summary) {
        System.out.printf("  %-22s %4d pages  F1 %.3f  precision %.3f  recall %.3f%n", name, summary.pages(), summary.f1(),
                summary.precision(), summary.recall());
    }

    private static void breakdown(String title, List<Scored> scored, Function<Scored, String> key) {
        System.out.printf("by %s%n", title);
        Map<String, List<Scored>> groups = new TreeMap<>();
        for (Scored s : scored) {
            groups.computeIfAbsent(key.apply(s), k -> new ArrayList<>()).add(s);
        }
        groups.forEach((name, group) -> line(name, summary(group)));
    }

    private static void metadata(List<Scored> scored, String field, Function<Scored, String> read) {
        int stated = 0;
        int found = 0;
        int right = 0;
        for (Scored s : scored) {
            String truth = s.page().field(field);
            if (truth == null) {
                continue;
            }
            stated++;
            String got = read.apply(s);
            if (got != null && !got.isBlank()) {
                found++;
                if (key(got).equals(key(truth))) {
                    right++;
                }
            }
        }
        System.out.printf("  %-10s %4d stated, %4d read, %4d right: precision %.3f, recall %.3f%n", field, stated, found,
                right, found == 0 ? 0 : (double) right / found, stated == 0 ? 0 : (double) right / stated);
    }

    private static void dates(List<Scored> scored) {
        int stated = 0;
        int found = 0;
        int right = 0;
        for (Scored s : scored) {
            String truth = s.page().field("published");
            if (truth == null || truth.length() < 10) {
                continue;
            }
            stated++;
            Instant got = s.article().publishedAt();
            if (got != null) {
                found++;
                LocalDate day = LocalDate.parse(truth.substring(0, 10));
                // A date written in local time may be the day before or after in UTC.
                if (Math.abs(got.atOffset(ZoneOffset.UTC).toLocalDate().toEpochDay() - day.toEpochDay()) <= 1) {
                    right++;
                }
            }
        }
        System.out.printf("  %-10s %4d stated, %4d read, %4d right: precision %.3f, recall %.3f%n", "published", stated,
                found, right, found == 0 ? 0 : (double) right / found, stated == 0 ? 0 : (double) right / stated);
    }

    private static String key(String text) {
        return BlockText.normalise(text).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
