package dev.smki.examples.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.smki.recovery.rehearsal.Anomaly;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class HtmlReportTests {

    @TempDir
    Path dir;

    static RehearsalReport sample(String hostile) {
        Instant t0 = Instant.parse("2026-03-01T09:00:00Z");
        List<RehearsalReport.Step> steps = List.of(
                new RehearsalReport.Step(
                        1,
                        "N1",
                        null,
                        "Compromise detected",
                        "DCC",
                        "accepted",
                        t0.toString(),
                        "",
                        "verified",
                        List.of("SEC Section L10 " + hostile)),
                new RehearsalReport.Step(
                        2,
                        "C4",
                        null,
                        "Keys activated",
                        "KEY_CUSTODIAN",
                        "refused",
                        t0.plusSeconds(600).toString(),
                        "REC-2 quorum: 2 of 3 " + hostile,
                        "inferred",
                        List.of("recovery.md §2.4 C4")),
                new RehearsalReport.Step(
                        3,
                        "C4",
                        null,
                        "Keys activated",
                        "KEY_CUSTODIAN",
                        "accepted",
                        t0.plusSeconds(900).toString(),
                        "",
                        "inferred",
                        List.of("recovery.md §2.4 C4")),
                new RehearsalReport.Step(
                        4,
                        "C5",
                        null,
                        "Commands sent",
                        "DCC",
                        "accepted",
                        t0.plusSeconds(3600).toString(),
                        "devices 1000",
                        "reconstructed",
                        List.of("recovery.md §2.4 C5")));
        List<RehearsalReport.ProgressPoint> progress = new ArrayList<>();
        for (int i = 0; i <= 10; i++) {
            progress.add(new RehearsalReport.ProgressPoint(
                    t0.plusSeconds(3600 + 60L * i).toString(), "C5", 100L * i, i == 10 ? 3 : 0, 1000 - 100L * i));
        }
        Map<String, Long> confidence = new java.util.LinkedHashMap<>();
        confidence.put("verified", 1L);
        confidence.put("inferred", 2L);
        confidence.put("reconstructed", 1L);
        return new RehearsalReport(
                "contingency",
                7,
                "ROOT_OCA_COMPROMISE",
                Map.of("devices", 1000, "quorum", "3/5"),
                new RehearsalReport.Devices(1000, 1000, 997, 3, 0),
                new RehearsalReport.Subscribers(
                        2,
                        Map.of("DCC", 1L, "Large Suppliers", 1L),
                        List.of(
                                new RehearsalReport.Subscriber(
                                        "DCC", "DCC", List.of("subscriber-of-compromised-certificate"), 0),
                                new RehearsalReport.Subscriber(
                                        "supplier " + hostile,
                                        "Large Suppliers",
                                        List.of("devices-hold-compromised-key"),
                                        640))),
                steps,
                List.of(
                        new Anomaly(Anomaly.Kind.REFUSED, 1, "C4 refused: REC-2 quorum " + hostile),
                        new Anomaly(Anomaly.Kind.WRITTEN_OFF, 3, "3 devices written off: uncontactable")),
                confidence,
                progress,
                true,
                "rehearsal.journal",
                "0".repeat(64),
                1234);
    }

    @Test
    void writesWellFormedMarkupWithOneTimelineMarkPerStep() throws Exception {
        Path index = HtmlReport.write(sample(""), List.of("{\"seq\":1}", "{\"seq\":2}"), dir);
        Document doc = parse(Files.readString(index));
        NodeList circles = doc.getElementsByTagName("circle");
        assertThat(circles.getLength()).isEqualTo(4);
        assertThat(Files.readAllLines(dir.resolve("journal.jsonl"))).containsExactly("{\"seq\":1}", "{\"seq\":2}");
        assertThat(Files.readString(index))
                .contains("997")
                .contains("<polyline class=\"recovered\"")
                .contains("class=\"refused\"")
                .contains("REC-2 quorum: 2 of 3");
    }

    @Test
    void escapesEveryPieceOfTextSoNothingCanInjectMarkup() throws Exception {
        String hostile = "<script>alert('x')</script>&\"";
        String html = HtmlReport.render(sample(hostile), List.of("{\"payload\":\"" + hostile + "\"}"));
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;");
        parse(html);
    }

    @Test
    void chartScalesRoundUpToReadableTicks() {
        assertThat(HtmlReport.niceCeiling(1)).isEqualTo(4);
        assertThat(HtmlReport.niceCeiling(5)).isEqualTo(8);
        assertThat(HtmlReport.niceCeiling(1003)).isEqualTo(2000);
        assertThat(HtmlReport.niceCeiling(1000)).isEqualTo(1000);
        assertThat(HtmlReport.niceCeiling(10_001)).isEqualTo(20_000);
    }

    @Test
    void loadsNothingFromTheNetwork() {
        String html = HtmlReport.render(sample(""), List.of());
        Matcher urls = Pattern.compile("(?:src|href)=\"([^\"]*)\"").matcher(html);
        while (urls.find()) {
            assertThat(urls.group(1)).doesNotContain("//");
        }
        assertThat(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).doesNotContain("http");
    }

    @Test
    void showsEachStepsConfidenceAndSourceAndTheCountByConfidence() {
        String html = HtmlReport.render(sample(""), List.of());

        assertThat(html)
                .contains("<th>confidence</th><th>source</th>")
                .contains("<td class=\"confidence verified\">verified</td><td>SEC Section L10 </td>")
                .contains("<td class=\"confidence reconstructed\">reconstructed</td><td>recovery.md §2.4 C5</td>")
                .contains("<h2>Provenance</h2>")
                .contains("Attempts by the confidence of their step: 1 verified, 2 inferred, 1 reconstructed.");
    }

    @Test
    void spacesStepsEvenlyWhenTheClockDoesNotAdvance() throws Exception {
        RehearsalReport still = sample("");
        List<RehearsalReport.Step> sameTime = still.steps().stream()
                .map(s -> new RehearsalReport.Step(
                        s.seq(),
                        s.id(),
                        s.item(),
                        s.title(),
                        s.actor(),
                        s.outcome(),
                        "2026-03-01T09:00:00Z",
                        "",
                        s.confidence(),
                        s.sources()))
                .toList();
        RehearsalReport report = new RehearsalReport(
                still.scenario(),
                still.seed(),
                still.procedure(),
                still.parameters(),
                still.devices(),
                still.subscribers(),
                sameTime,
                List.of(),
                still.confidence(),
                List.of(),
                still.complete(),
                still.journal(),
                still.journalHead(),
                0);
        Document doc = parse(HtmlReport.render(report, List.of()));
        NodeList circles = doc.getElementsByTagName("circle");
        List<String> xs = new ArrayList<>();
        for (int i = 0; i < circles.getLength(); i++) {
            xs.add(circles.item(i).getAttributes().getNamedItem("cx").getNodeValue());
        }
        assertThat(xs).doesNotHaveDuplicates();
    }

    @Test
    void rendersInHeadlessChromium() throws Exception {
        Optional<Path> chromium = chromium();
        assumeTrue(chromium.isPresent(), "Chromium is not installed (Debian package chromium): render check skipped");
        Path index = HtmlReport.write(sample(""), List.of("{\"seq\":1}"), dir.resolve("report"));
        Path png = dir.resolve("report.png");
        Process process = new ProcessBuilder(
                        chromium.get().toString(),
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--hide-scrollbars",
                        "--user-data-dir=" + dir.resolve("profile"),
                        "--window-size=1100,1400",
                        "--screenshot=" + png,
                        index.toUri().toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("chromium.log").toFile())
                .start();
        assertThat(process.waitFor(90, TimeUnit.SECONDS))
                .as("Chromium finished")
                .isTrue();
        assertThat(png)
                .as("screenshot written; log: %s", Files.readString(dir.resolve("chromium.log")))
                .exists();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(png)));
        assertThat(image.getWidth()).isEqualTo(1100);
        assertThat(countPixels(image, 0x2E8B57))
                .as("green marks of accepted steps and the recovered line")
                .isGreaterThan(200);
        assertThat(countPixels(image, 0xD9534F))
                .as("red mark of the refused step")
                .isGreaterThan(20);
    }

    private static long countPixels(BufferedImage image, int rgb) {
        long count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y) & 0xFFFFFF;
                if (Math.abs(((p >> 16) & 0xFF) - ((rgb >> 16) & 0xFF)) < 24
                        && Math.abs(((p >> 8) & 0xFF) - ((rgb >> 8) & 0xFF)) < 24
                        && Math.abs((p & 0xFF) - (rgb & 0xFF)) < 24) {
                    count++;
                }
            }
        }
        return count;
    }

    private static Optional<Path> chromium() {
        for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
            Path p = Path.of(candidate);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static Document parse(String html) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }
}
