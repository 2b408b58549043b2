package dev.smki.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.smki.recovery.custody.Quorum;
import dev.smki.recovery.journal.JournalVerification;
import dev.smki.recovery.plan.ExercisePlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

class RehearseCommandTests {

    @TempDir
    Path dir;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The contingency rehearsal of the RehearseAContingency example: seed 7, 200 Devices. */
    private CliRun contingency(String... more) {
        return CliRun.of(Stream.concat(
                        Stream.of(
                                "rehearse",
                                "--devices",
                                "200",
                                "--seed",
                                "7",
                                "--journal",
                                dir.resolve("c.journal").toString()),
                        Stream.of(more))
                .toArray(String[]::new));
    }

    private static List<String> timeline(String out) {
        return out.lines()
                .filter(line -> line.matches("\\d{4}-\\d\\d-\\d\\dT.*"))
                .toList();
    }

    @Test
    void listsEveryBuiltInScenarioOneALineNameFirstThenWhatItRehearses() {
        CliRun run = CliRun.of("rehearse", "--list");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(ExercisePlan.BUILT_IN.size());
        for (int i = 0; i < lines.size(); i++) {
            String name = ExercisePlan.BUILT_IN.get(i);
            assertThat(lines.get(i))
                    .startsWith(name + " ")
                    .endsWith(ExercisePlan.builtIn(name).description());
        }
        assertThat(ExercisePlan.BUILT_IN)
                .contains(
                        "method-1",
                        "network-operator-key",
                        "acb-key",
                        "wan-provider-key",
                        "transitional-cos-key",
                        "issuing-oca-key",
                        "recovery-key-compromise",
                        "contingency-key",
                        "multi-cell",
                        "recovery-key-direction");
        String help = CliRun.of("rehearse", "--help").out().replaceAll("\\s+", " ");
        assertThat(help).contains("--list");
        ExercisePlan.BUILT_IN.forEach(name -> assertThat(help).contains(name));
    }

    @Test
    void runsTheContingencyRehearsalOverTenThousandDevicesWithSeedOneByDefault() {
        RehearseCommand command = new RehearseCommand();
        new CommandLine(command).parseArgs();

        ExercisePlan plan = command.plan();

        assertThat(plan.name()).isEqualTo("contingency");
        assertThat(plan.seed()).isEqualTo(1);
        assertThat(plan.fleet().devices()).isEqualTo(10_000);
        assertThat(plan.custody().quorum()).isEqualTo(Quorum.of(3, 5));
        assertThat(plan).isEqualTo(ExercisePlan.builtIn("contingency"));
    }

    @Test
    void printsTheTimelineTheDeviceCountsAndTheAnomaliesAndExitsZeroWhenTheIncidentCloses() {
        CliRun run = contingency();

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out())
                .startsWith("smki rehearse contingency: seed 7, 200 devices, quorum 3/5, failures: 0.2% of devices"
                        + " uncontactable, 2% of attempts busy, 3 retries")
                .contains("Procedure ROOT_OCA_COMPROMISE, up to 73 moves; simulated clock from 2026-03-02T09:00:00Z")
                .contains("Devices: 200 in the fleet, 194 relevant: 193 recovered, 1 written off; 1 still"
                        + " hold the compromised key")
                .contains("  - 1 Relevant Device written off: {uncontactable=1}")
                .contains("Incident closed: ROOT_OCA_COMPROMISE complete after 73 attempts (0 refused), 3d 6h 47m of"
                        + " simulated time");
        List<String> timeline = timeline(run.out());
        assertThat(timeline).hasSize(73);
        assertThat(timeline.get(0))
                .matches(
                        "2026-03-02T09:30:00Z +DCC +N1 +verified +accepted .*\\[SEC Section L10 .*recovery.md §2.1 N1]");
        assertThat(timeline)
                .anySatisfy(line -> assertThat(line)
                        .matches("2026-03-03T23:00:00Z +DCC +C5 +inferred +accepted +194 commands sent in 4 rounds: 193"
                                + " executed, 1 written off \\{uncontactable=1}.*"))
                .anySatisfy(line ->
                        assertThat(line).matches(".* +KEY_CUSTODIAN +C4\\.attend\\[KC-03] +verified +accepted .*"));
        assertThat(run.out())
                .containsPattern("Attempts by confidence: [0-9]+ verified, [0-9]+ inferred, [0-9]+ reconstructed");
        JournalVerification journal = JournalVerification.of(read(dir.resolve("c.journal")));
        assertThat(journal.isIntact()).isTrue();
        assertThat(journal.entries()).hasSize(73);
        assertThat(run.out()).contains("Journal: " + dir.resolve("c.journal") + " (head " + journal.head() + ")");
    }

    @Test
    void writesTheFullResultAsJson() throws IOException {
        Path file = dir.resolve("out/result.json");

        CliRun run = contingency("--json", file.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = JSON.readTree(file.toFile());
        assertThat(json.get("scenario").asText()).isEqualTo("contingency");
        assertThat(json.get("seed").asLong()).isEqualTo(7);
        assertThat(json.get("procedure").asText()).isEqualTo("ROOT_OCA_COMPROMISE");
        assertThat(json.get("complete").asBoolean()).isTrue();
        JsonNode devices = json.get("devices");
        assertThat(devices.get("total").asLong()).isEqualTo(200);
        assertThat(devices.get("relevant").asLong()).isEqualTo(194);
        assertThat(devices.get("recovered").asLong()).isEqualTo(193);
        assertThat(devices.has("failed")).as("no count that is always zero").isFalse();
        JsonNode parameters = json.get("parameters");
        assertThat(parameters.get("devices").isIntegralNumber()).isTrue();
        assertThat(parameters.get("devices").asInt()).isEqualTo(200);
        assertThat(parameters.get("retries").isIntegralNumber()).isTrue();
        assertThat(parameters.get("busy").isNumber()).isTrue();
        assertThat(parameters.get("uncontactable").isNumber()).isTrue();
        assertThat(parameters.get("events").isIntegralNumber()).isTrue();
        assertThat(json.get("anomalies")).anySatisfy(a -> {
            assertThat(a.get("kind").asText()).isEqualTo("WRITTEN_OFF");
            assertThat(a.get("count").isIntegralNumber()).isTrue();
            assertThat(a.get("count").asLong()).isEqualTo(1);
            assertThat(a.get("detail").asText()).startsWith("1 Relevant Device written off");
        });
        assertThat(devices.get("writtenOff").asLong()).isEqualTo(1);
        assertThat(devices.get("holdingCompromisedKey").asLong()).isEqualTo(1);
        JsonNode steps = json.get("steps");
        assertThat(steps).hasSize(73);
        assertThat(steps.get(0).get("id").asText()).isEqualTo("N1");
        assertThat(steps.get(0).get("actor").asText()).isEqualTo("DCC");
        assertThat(steps.get(0).get("outcome").asText()).isEqualTo("accepted");
        assertThat(steps.get(0).get("at").asText()).isEqualTo("2026-03-02T09:30:00Z");
        assertThat(steps.get(0).has("item")).isFalse();
        assertThat(steps.get(13).get("id").asText()).isEqualTo("C4.attend");
        assertThat(steps.get(13).get("item").asText()).isEqualTo("KC-01");
        assertThat(json.get("journal").asText())
                .isEqualTo(dir.resolve("c.journal").toString());
        assertThat(json.get("journalHead").asText())
                .isEqualTo(
                        JournalVerification.of(read(dir.resolve("c.journal"))).head());
        assertThat(json.get("parameters").get("devices").asText()).isEqualTo("200");
        assertThat(json.get("durationMs").isIntegralNumber()).isTrue();
        JsonNode last = json.get("progress").get(json.get("progress").size() - 1);
        assertThat(last.get("recovered").asLong()).isEqualTo(193);
        assertThat(last.get("pending").asLong()).isZero();
    }

    @Test
    void keepsARecoveryProgressFileBesideTheJournalWhoseLastReportMatchesTheDeviceCounts() {
        CliRun run = contingency();

        assertThat(run.exitCode()).as(run.err()).isZero();
        Path progress = dir.resolve("c.journal.C5.progress.csv");
        assertThat(run.out()).contains("Recovery Progress File: " + progress);
        List<dev.smki.recovery.incident.RecoveryProgress> reports =
                dev.smki.recovery.incident.ProgressFile.read(progress); // checks REC-9 on every line
        assertThat(reports).isNotEmpty();
        dev.smki.recovery.incident.RecoveryProgress last = reports.get(reports.size() - 1);
        assertThat(last.total()).isEqualTo(194);
        assertThat(last.succeeded()).isEqualTo(193);
        assertThat(last.writtenOff()).isEqualTo(1);
        assertThat(last.pending()).isZero();
    }

    @Test
    void writesASelfContainedHtmlReportWithOneTimelineMarkPerStepAndTheJournal() throws IOException {
        Path report = dir.resolve("report");

        CliRun run = contingency("--report", report.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Report: " + report.resolve("index.html"));
        String html = Files.readString(report.resolve("index.html"));
        assertThat(countOf(html, "<circle ")).isEqualTo(73);
        assertThat(html)
                .contains("Incident closed: ROOT_OCA_COMPROMISE complete")
                .contains("<polyline class=\"recovered\"")
                .contains("1 Relevant Device written off: {uncontactable=1}");
        assertThat(Files.readAllLines(report.resolve("journal.jsonl")))
                .isEqualTo(Files.readAllLines(dir.resolve("c.journal")));
    }

    @Test
    void refusesToOverwriteAJournalAndLeavesItAsItWas() throws IOException {
        assertThat(contingency().exitCode()).isZero();
        byte[] before = read(dir.resolve("c.journal"));

        CliRun again = contingency();

        assertThat(again.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(again.errLines()).hasSize(1);
        assertThat(again.err())
                .contains("already holds a journal (74 lines)")
                .contains("smki rehearse --resume " + dir.resolve("c.journal"));
        assertThat(read(dir.resolve("c.journal"))).isEqualTo(before);
    }

    @Test
    void neitherReplacesNorResumesAJournalHoldingNoCompleteLine() throws IOException {
        Path torn = dir.resolve("c.journal");
        Files.writeString(torn, "{\"seq\":0,\"type\":\"hea", StandardCharsets.US_ASCII);
        byte[] before = read(torn);

        CliRun resumed = CliRun.of("rehearse", "--resume", torn.toString());
        CliRun started = contingency();

        assertThat(resumed.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(resumed.errLines()).singleElement().asString().contains("holds no complete journal header");
        assertThat(started.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(started.errLines())
                .singleElement()
                .asString()
                .contains("exists and is not a journal")
                .contains("it is left as it is");
        assertThat(read(torn)).isEqualTo(before);
    }

    @Test
    void givesTheSameResultWhenAFinishedJournalIsResumedAndAddsNothingToIt() throws IOException {
        Path first = dir.resolve("first.json");
        Path second = dir.resolve("second.json");
        assertThat(contingency("--json", first.toString()).exitCode()).isZero();
        byte[] journal = read(dir.resolve("c.journal"));

        CliRun resumed =
                CliRun.of("rehearse", "--resume", dir.resolve("c.journal").toString(), "--json", second.toString());

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out())
                .contains("Resuming " + dir.resolve("c.journal") + ": 73 attempts journalled")
                .contains("(resumed here: the 73 attempts above were replayed from the journal)");
        assertThat(timeline(resumed.out())).hasSize(73);
        assertThat(read(dir.resolve("c.journal"))).isEqualTo(journal);
        assertThat(withoutDuration(JSON.readTree(second.toFile())))
                .isEqualTo(withoutDuration(JSON.readTree(first.toFile())));
    }

    @Test
    void exitsOneWhenARefusalLeavesTheProcedureIncompleteAndNamesTheRule() throws IOException {
        Path settings = dir.resolve("reuse.properties");
        Files.writeString(settings, "recoveryKey.policy=MAY_REUSE\n");

        CliRun run = CliRun.of(
                "rehearse",
                "recovery-key-replacement",
                "--devices",
                "50",
                "--settings",
                settings.toString(),
                "--journal",
                dir.resolve("rk.journal").toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(timeline(run.out()))
                .anySatisfy(line -> assertThat(line)
                        .matches(".* +DCC +RK0 +reconstructed +REFUSED: .*RKR-1 after-use decision follows policy.*"));
        assertThat(run.out())
                .contains("Procedure settings changed: {recoveryKey.policy=MAY_REUSE}")
                .contains("Incident NOT closed: RECOVERY_KEY_REPLACEMENT incomplete")
                .contains("  - procedure incomplete: ");
    }

    @Test
    void rehearsesASupplierKeyCompromiseByMethodTwo() {
        CliRun run = CliRun.of(
                "rehearse",
                "recovery-key",
                "--method",
                "2",
                "--devices",
                "100",
                "--failure-rate",
                "0",
                "--uncontactable",
                "0",
                "--journal",
                dir.resolve("m2.journal").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("smki rehearse recovery-key: seed 1, 100 devices, Method 2, quorum 3/5, failures: 0% of"
                        + " devices uncontactable, 0% of attempts busy, 3 retries")
                .contains("Procedure ORGANISATION_KEY_COMPROMISE.M2")
                .contains("  - the SMKI PMA's decision RECOVERY_METHOD_2 departs from the Recovery Key Guidance's"
                        + " advice RECOVERY_METHOD_3")
                .contains("Recovery Progress File: " + dir.resolve("m2.journal.R6.progress.csv"))
                .contains("Recovery Progress File: " + dir.resolve("m2.journal.R8.progress.csv"));
        assertThat(dev.smki.recovery.incident.ProgressFile.read(dir.resolve("m2.journal.R8.progress.csv")))
                .allSatisfy(r -> assertThat(r.operation()).isEqualTo("R8"));
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                Arguments.of(List.of("frobnicate"), "Unknown scenario 'frobnicate'"),
                Arguments.of(List.of("--quorum", "5/3"), "--quorum: A quorum needs 2 <= M <= N <= 255, got 5 of 3"),
                Arguments.of(List.of("--failure-rate", "2"), "--failure-rate: expected 0 to 0.95, got 2.0"),
                Arguments.of(List.of("--uncontactable", "-0.1"), "--uncontactable: expected 0 to 1.0, got -0.1"),
                Arguments.of(List.of("--retries", "100"), "--retries: expected 0 to 16, got 100"),
                Arguments.of(List.of("recovery-key", "--method", "4"), "--method: "),
                Arguments.of(
                        List.of("--method", "2"),
                        "--method applies to the recovery-key scenario only, not contingency"),
                Arguments.of(List.of("--devices", "0"), "--devices: expected 1 to 67108864"),
                Arguments.of(List.of("--threads", "0"), "--threads: expected 1 to 256, got 0"),
                Arguments.of(List.of("--threads", "257"), "--threads: expected 1 to 256, got 257"),
                Arguments.of(
                        List.of("--resume", "missing.journal", "--threads", "0"),
                        "--threads: expected 1 to 256, got 0"),
                Arguments.of(List.of("--resume", "missing.journal"), "cannot read missing.journal: no such file"),
                Arguments.of(List.of("--resume", "pom.xml"), "cannot resume pom.xml: pom.xml is broken at line 1"),
                Arguments.of(
                        List.of("--resume", "pom.xml", "--devices", "5", "solr"),
                        "--resume takes the rehearsal's parameters from its journal; drop SCENARIO, --devices"));
    }

    @ParameterizedTest
    @MethodSource("badInput")
    void refusesBadInputOnOneLineWithExitTwo(List<String> args, String message) {
        CliRun run =
                CliRun.of(Stream.concat(Stream.of("rehearse"), args.stream()).toArray(String[]::new));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.errLines())
                .singleElement()
                .asString()
                .startsWith("smki rehearse: ")
                .contains(message);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void namesANewJournalInTheRehearsalsDirectoryWithoutReplacingAnExistingOne() throws IOException {
        Path first = RunOutputs.forNewRun(null, dir, "solr-seed42", null, null).journal();
        Files.writeString(first, "taken");
        Path second = RunOutputs.forNewRun(null, dir, "solr-seed42", null, null).journal();

        assertThat(first).isEqualTo(dir.resolve("solr-seed42.journal"));
        assertThat(second).isEqualTo(dir.resolve("solr-seed42-2.journal"));
        assertThat(first).hasContent("taken");
        assertThat(RehearseCommand.DEFAULT_JOURNAL_DIRECTORY).isEqualTo(Path.of("build", "rehearsals"));
    }

    @Test
    void givesTheSameResultForThePlanInitWritesAsForTheDefaultRehearsal() throws IOException {
        Path plan = dir.resolve("p.yaml");
        Files.writeString(plan, CliRun.of("plan", "init", "contingency").out());

        CliRun fromPlan = CliRun.of(
                "rehearse",
                "--plan",
                plan.toString(),
                "--devices",
                "150",
                "--json",
                dir.resolve("plan.json").toString(),
                "--journal",
                dir.resolve("plan.journal").toString());
        CliRun byDefault = CliRun.of(
                "rehearse",
                "--devices",
                "150",
                "--json",
                dir.resolve("default.json").toString(),
                "--journal",
                dir.resolve("default.journal").toString());

        assertThat(fromPlan.exitCode()).as(fromPlan.err()).isZero();
        assertThat(byDefault.exitCode()).as(byDefault.err()).isZero();
        ObjectNode a = (ObjectNode)
                withoutDuration(JSON.readTree(dir.resolve("plan.json").toFile()));
        ObjectNode b = (ObjectNode)
                withoutDuration(JSON.readTree(dir.resolve("default.json").toFile()));
        a.remove("journal");
        b.remove("journal");
        assertThat(a).isEqualTo(b);
        assertThat(a.get("steps").get(0).get("confidence").asText()).isEqualTo("verified");
        assertThat(a.get("steps").get(0).get("sources").get(0).asText()).startsWith("SEC Section L10");
        assertThat(a.get("confidence").fieldNames())
                .toIterable()
                .containsExactly("verified", "inferred", "reconstructed");
    }

    @Test
    void endsIncompleteWithExitOneNamingTheQuorumWhenTooManyCustodiansStayAway() throws IOException {
        Path plan = dir.resolve("absent.yaml");
        Files.writeString(plan, """
                base: contingency
                name: "absent"
                fleet:
                  devices: 100
                custody:
                  attendance:
                    - custodian: KC-01
                      session: 1
                      outcome: attends
                    - custodian: KC-02
                      session: 1
                      outcome: no-show
                    - custodian: KC-03
                      session: 1
                      outcome: no-show
                """);

        CliRun run = CliRun.of(
                "rehearse",
                "--plan",
                plan.toString(),
                "--journal",
                dir.resolve("a.journal").toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out())
                .contains(
                        "  - REC-2 quorum not reached: activating CONTINGENCY_PRIVATE_KEY and CONTINGENCY_SYMMETRIC_KEY"
                                + " needs 3 of the 5 Key Custodians (quorum 3/5); 1 presented shares at session 1 [KC-01]; the"
                                + " key was not activated and the custodians do not reconvene")
                .contains("Incident NOT closed: ROOT_OCA_COMPROMISE incomplete");
    }

    @Test
    void refusesAScenarioAndAPlanTogetherAndABadPlanWithItsLineAndColumn() throws IOException {
        Path plan = dir.resolve("bad.yaml");
        Files.writeString(plan, "name: x\nfleet:\n  devices: lots\n");

        CliRun both = CliRun.of("rehearse", "solr", "--plan", plan.toString());
        CliRun bad = CliRun.of("rehearse", "--plan", plan.toString());

        assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.errLines()).singleElement().asString().contains("give a SCENARIO or --plan, not both");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.errLines())
                .singleElement()
                .asString()
                .isEqualTo("smki rehearse: " + plan + ":3:12: devices must be a whole number, not 'lots'");
    }

    static JsonNode withoutDuration(JsonNode json) {
        JsonNode copy = json.deepCopy();
        ((ObjectNode) copy).remove("durationMs");
        return copy;
    }

    private static int countOf(String text, String part) {
        Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
