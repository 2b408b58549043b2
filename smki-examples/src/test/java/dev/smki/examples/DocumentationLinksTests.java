package dev.smki.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every relative link of README.md and docs/*.md points at a file that exists and, when it names an anchor, at
 * a heading of that file (anchors made as GitHub makes them).
 */
class DocumentationLinksTests {

    /** An inline Markdown link {@code [text](target)}; images and reference links are not used here. */
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");

    private static final Pattern CODE_SPAN = Pattern.compile("`[^`]*`");

    @Test
    void everyRelativeLinkPointsAtAnExistingFileAndHeading() throws IOException {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path document : ReadmeExamplesTests.documents()) {
            for (String target : links(Files.readAllLines(document))) {
                if (target.matches("[a-z][a-z0-9+.-]*:.*")) {
                    continue; // https:, mailto: and the like are not checked here
                }
                checked++;
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                Path linked = file.isEmpty()
                        ? document
                        : document.getParent().resolve(file).normalize();
                if (!Files.exists(linked)) {
                    broken.add(document + ": " + target + " (no file " + linked + ")");
                } else if (hash >= 0 && !anchors(linked).contains(target.substring(hash + 1))) {
                    broken.add(document + ": " + target + " (no heading with that anchor in " + linked + ")");
                }
            }
        }

        assertThat(checked).as("relative links checked").isGreaterThan(20);
        assertThat(broken).as("broken links").isEmpty();
    }

    @Test
    void anchorsAreMadeAsGitHubMakesThem() {
        assertThat(anchors(List.of(
                        "# Rehearsals: `./smki rehearse`",
                        "## The procedure engine: `dev.smki.recovery.workflow`",
                        "## What a user can change",
                        "```sh",
                        "# not a heading, a comment in a code block",
                        "```",
                        "## Rehearsals: `./smki rehearse`")))
                .containsExactly(
                        "rehearsals-smki-rehearse",
                        "the-procedure-engine-devsmkirecoveryworkflow",
                        "what-a-user-can-change",
                        "rehearsals-smki-rehearse-1");
    }

    /** Returns the link targets of {@code lines}, outside code blocks and code spans. */
    private static List<String> links(List<String> lines) {
        List<String> targets = new ArrayList<>();
        boolean inCode = false;
        for (String line : lines) {
            if (line.startsWith("```")) {
                inCode = !inCode;
                continue;
            }
            if (inCode) {
                continue;
            }
            Matcher m = LINK.matcher(CODE_SPAN.matcher(line).replaceAll(""));
            while (m.find()) {
                targets.add(m.group(1));
            }
        }
        return targets;
    }

    private static Set<String> anchors(Path file) {
        try {
            return anchors(Files.readAllLines(file));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Returns the anchors of the headings in {@code lines}: lower case, punctuation dropped, spaces as hyphens. */
    static Set<String> anchors(List<String> lines) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean inCode = false;
        for (String line : lines) {
            if (line.startsWith("```")) {
                inCode = !inCode;
                continue;
            }
            if (inCode || !line.matches("#{1,6} .*")) {
                continue;
            }
            String slug = line.replaceFirst("#+ ", "")
                    .strip()
                    .toLowerCase(Locale.ROOT)
                    .replaceAll("[^\\p{L}\\p{N} _-]", "")
                    .replace(' ', '-');
            int count = seen.merge(slug, 1, Integer::sum);
            anchors.add(count == 1 ? slug : slug + "-" + (count - 1));
        }
        return anchors;
    }
}
