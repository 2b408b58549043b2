package dev.smki.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Java blocks of README.md and docs/*.md that say they come from an example ({@code from
 * `dev.smki.examples.NAME`} in the paragraph before the block) quote that example's source: each run of lines
 * between {@code ...} lines is a run of the source's lines, in order, indentation aside.
 */
class ReadmeExamplesTests {

    private static final Path SOURCES = Path.of("src", "main", "java", "dev", "smki", "examples");
    private static final Pattern FROM = Pattern.compile("[Ff]rom `dev\\.smki\\.examples\\.(\\w+)`");

    private record Quote(Path file, String example, int line, List<String> lines) {}

    /** Returns README.md and every docs/*.md, the Markdown files whose quotes are checked. */
    static List<Path> documents() throws IOException {
        List<Path> documents = new ArrayList<>();
        documents.add(Path.of("..", "README.md"));
        try (Stream<Path> docs = Files.list(Path.of("..", "docs"))) {
            docs.filter(p -> p.getFileName().toString().endsWith(".md"))
                    .sorted()
                    .forEach(documents::add);
        }
        return documents;
    }

    @Test
    void everyJavaBlockTakenFromAnExampleQuotesItsSourceFaithfully() throws IOException {
        List<Quote> quotes = new ArrayList<>();
        for (Path document : documents()) {
            quotes.addAll(quotes(document, Files.readAllLines(document)));
        }

        assertThat(quotes)
                .extracting(Quote::example)
                .contains(
                        "IssueATestPki",
                        "LintACertificate",
                        "RunAProcedure",
                        "RehearseAContingency",
                        "RehearseASupplierKeyCompromise",
                        "SupplierOfLastResortWalkthrough",
                        "AnalyseStepOrders");
        for (Quote quote : quotes) {
            List<String> source = stripped(Files.readAllLines(SOURCES.resolve(quote.example() + ".java")));
            int from = 0;
            for (List<String> run : runs(quote.lines())) {
                int at = indexOf(source, run, from);
                assertThat(at)
                        .as(
                                "%s line %d: the lines %s are in %s.java in this order",
                                quote.file(), quote.line(), run, quote.example())
                        .isNotNegative();
                from = at + run.size();
            }
        }
    }

    private static List<Quote> quotes(Path file, List<String> readme) {
        List<Quote> quotes = new ArrayList<>();
        for (int i = 1; i < readme.size(); i++) {
            Matcher from = FROM.matcher(paragraphBefore(readme, i));
            if (readme.get(i).equals("```java") && from.find()) {
                List<String> block = new ArrayList<>();
                for (int j = i + 1; !readme.get(j).equals("```"); j++) {
                    block.add(readme.get(j));
                }
                quotes.add(new Quote(file, from.group(1), i + 1, block));
            }
        }
        return quotes;
    }

    /** Returns the paragraph before line {@code fence}, its lines joined by spaces. */
    private static String paragraphBefore(List<String> readme, int fence) {
        int end = fence - 1;
        while (end >= 0 && readme.get(end).isBlank()) {
            end--;
        }
        int start = end;
        while (start > 0 && !readme.get(start - 1).isBlank()) {
            start--;
        }
        return end < 0 ? "" : String.join(" ", readme.subList(start, end + 1));
    }

    /** Returns the block's non-blank lines, stripped, in runs separated by {@code ...} lines. */
    private static List<List<String>> runs(List<String> block) {
        List<List<String>> runs = new ArrayList<>();
        List<String> run = new ArrayList<>();
        for (String line : stripped(block)) {
            if (line.equals("...")) {
                runs.add(run);
                run = new ArrayList<>();
            } else {
                run.add(line);
            }
        }
        runs.add(run);
        runs.removeIf(List::isEmpty);
        return runs;
    }

    private static List<String> stripped(List<String> lines) {
        return lines.stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static int indexOf(List<String> source, List<String> run, int from) {
        for (int i = from; i + run.size() <= source.size(); i++) {
            if (source.subList(i, i + run.size()).equals(run)) {
                return i;
            }
        }
        return -1;
    }
}
