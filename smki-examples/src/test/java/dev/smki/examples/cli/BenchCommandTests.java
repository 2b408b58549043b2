package dev.smki.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smki.examples.bench.FleetBenchmark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BenchCommandTests {

    private static JsonNode json(CliRun run) throws Exception {
        assertThat(run.exitCode()).as(run.err()).isZero();
        return new ObjectMapper().readTree(run.out());
    }

    private static void assertSide(JsonNode side, int rounds) {
        assertThat(side.get("does").asText()).isNotBlank();
        assertThat(side.get("medianPerSecond").asDouble()).isPositive();
        assertThat(side.get("minPerSecond").asDouble()).isPositive();
        assertThat(side.get("maxPerSecond").asDouble())
                .isGreaterThanOrEqualTo(side.get("medianPerSecond").asDouble());
        assertThat(side.get("medianPerCpuSecond").asDouble()).isPositive();
        assertThat(side.get("perRound")).hasSize(rounds);
        assertThat(side.get("perRoundCpu")).hasSize(rounds);
        assertThat(side.get("items").asLong()).isPositive();
    }

    @Test
    void issuanceJsonHoldsBothSidesTheRatioTheTargetAndTheMachine() throws Exception {
        JsonNode report = json(CliRun.of("bench", "issuance", "--devices", "12", "--seconds", "0.5", "--json"));

        assertThat(report.get("benchmark").asText()).isEqualTo("issuance");
        assertThat(report.get("unit").asText()).isEqualTo("certificates");
        assertThat(report.get("threads").asInt()).isEqualTo(1);
        assertThat(report.get("cores").asInt()).isEqualTo(Runtime.getRuntime().availableProcessors());
        int pairs = report.get("rounds").get("pairs").asInt();
        assertThat(pairs).isGreaterThanOrEqualTo(3);
        assertThat(report.get("rounds").get("batch").asInt()).isEqualTo(12);
        assertSide(report.get("baseline"), pairs);
        assertSide(report.get("library"), pairs);
        assertThat(report.get("library").get("items").asLong()).isEqualTo(12L * pairs);
        double ratio = report.get("ratio").asDouble();
        assertThat(ratio)
                .isCloseTo(
                        report.get("library").get("medianPerSecond").asDouble()
                                / report.get("baseline").get("medianPerSecond").asDouble(),
                        offset(1e-9));
        assertThat(report.get("cpuRatio").asDouble()).isPositive();
        JsonNode target = report.get("targets").get(0);
        assertThat(target.get("metric").asText()).isEqualTo("ratio");
        assertThat(target.get("bound").asText()).isEqualTo(">=");
        assertThat(target.get("threshold").asDouble()).isEqualTo(0.9);
        assertThat(target.get("actual").asDouble()).isEqualTo(ratio);
        assertThat(target.get("result").asText()).isEqualTo(ratio >= 0.9 ? "PASS" : "MISS");
        assertThat(report.get("facts").get("baselineCertificateBytes").asDouble())
                .isBetween(400.0, 500.0);
        assertThat(report.get("facts").get("libraryCertificateBytes").asDouble())
                .isBetween(400.0, 500.0);
        assertThat(report.get("method")).isNotEmpty();
        assertThat(report.get("jvm").get("version").asText())
                .isEqualTo(Runtime.version().toString());
        assertThat(report.get("loadAverage").has("start")).isTrue();
        assertThat(report.has("heap")).isFalse();
    }

    @Test
    void issuanceTextIsATableWithTheTargetAndItsVerdict() {
        CliRun run = CliRun.of("bench", "issuance", "--devices", "8", "--seconds", "0.3");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out())
                .startsWith("smki bench issuance: certificates per second, 1 thread per side, ")
                .contains("baseline (raw Bouncy Castle)")
                .contains("library (smki-sim)")
                .containsPattern("ratio library / baseline +[0-9.]+ +>= 0.90 +(PASS|MISS)")
                .contains("ratio by CPU time")
                .contains("baseline certificate size")
                .contains("Method:")
                .contains("load average");
        String baselineRow = run.out()
                .lines()
                .filter(l -> l.contains("baseline (raw"))
                .findFirst()
                .orElseThrow();
        String libraryRow = run.out()
                .lines()
                .filter(l -> l.contains("library (smki"))
                .findFirst()
                .orElseThrow();
        assertThat(baselineRow.indexOf(" /s")).isEqualTo(libraryRow.indexOf(" /s"));
    }

    @Test
    void lintJsonReportsThatEverySignatureVerifiedOnBothSidesAndHasNoTarget() throws Exception {
        JsonNode report = json(CliRun.of("bench", "lint", "--devices", "10", "--seconds", "0.4", "--json"));

        assertThat(report.get("benchmark").asText()).isEqualTo("lint");
        assertThat(report.get("targets")).isEmpty();
        assertThat(report.get("facts").get("certificates").asInt()).isEqualTo(10);
        assertThat(report.get("facts").get("baselineValidShare").asDouble()).isEqualTo(1.0);
        assertThat(report.get("facts").get("libraryValidShare").asDouble()).isEqualTo(1.0);
        assertSide(report.get("baseline"), report.get("rounds").get("pairs").asInt());
    }

    @Test
    void fleetJsonHoldsTheRatioTheHeapPerDeviceAndBothTargetsOnEveryCore() throws Exception {
        JsonNode report = json(CliRun.of("bench", "fleet", "--devices", "200", "--seconds", "0.5", "--json"));

        assertThat(report.get("benchmark").asText()).isEqualTo("fleet");
        assertThat(report.get("unit").asText()).isEqualTo("devices");
        assertThat(report.get("threads").asInt()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(report.get("rounds").get("batch").asInt()).isBetween(1, 200);
        assertSide(report.get("library"), report.get("rounds").get("pairs").asInt());
        assertThat(report.get("facts").get("libraryAcceptedShare").asDouble()).isEqualTo(1.0);
        assertThat(report.get("facts").get("baselineVerifiedShare").asDouble()).isEqualTo(1.0);
        JsonNode heap = report.get("heap");
        assertThat(heap.get("devices").asInt()).isEqualTo(200);
        assertThat(heap.get("bytesPerDevice").asDouble())
                .isEqualTo((heap.get("heapAfterBytes").asDouble()
                                - heap.get("heapBeforeBytes").asDouble())
                        / 200);
        assertThat(report.get("targets")).hasSize(2);
        assertThat(report.get("targets").get(0).get("threshold").asDouble()).isEqualTo(FleetBenchmark.TARGET_RATIO);
        JsonNode heapTarget = report.get("targets").get(1);
        assertThat(heapTarget.get("metric").asText()).isEqualTo("heapBytesPerDevice");
        assertThat(heapTarget.get("bound").asText()).isEqualTo("<=");
        assertThat(heapTarget.get("threshold").asDouble()).isEqualTo(256.0);
        assertThat(heapTarget.get("result").asText())
                .isEqualTo(heap.get("bytesPerDevice").asDouble() <= 256 ? "PASS" : "MISS");
        assertThat(heapTarget.get("note").asText()).contains("1,000,000").contains("200");
    }

    @Test
    void scaleJsonHoldsEachSizeSmallestFirstTheGrowthTheProjectionAndTheTargets() throws Exception {
        CliRun run = CliRun.of("bench", "scale", "--devices", "600,300", "--json");
        JsonNode report = json(run);

        assertThat(run.err()).contains("rehearsing 300 Devices...").contains("rehearsing 600 Devices...");
        assertThat(report.get("benchmark").asText()).isEqualTo("scale");
        JsonNode sizes = report.get("sizes");
        assertThat(sizes).hasSize(2);
        assertThat(sizes.get(0).get("devices").asInt()).isEqualTo(300);
        assertThat(sizes.get(1).get("devices").asInt()).isEqualTo(600);
        for (JsonNode size : sizes) {
            int devices = size.get("devices").asInt();
            assertThat(size.get("complete").asBoolean()).isTrue();
            assertThat(size.get("relevant").asLong()).isBetween(devices * 9L / 10, (long) devices);
            double wall = size.get("wallSeconds").asDouble();
            assertThat(wall).isPositive();
            assertThat(size.get("devicesPerSecond").asDouble()).isCloseTo(devices / wall, offset(1e-6 * devices));
            assertThat(size.get("microsPerDevice").asDouble()).isCloseTo(wall * 1e6 / devices, offset(1e-6));
            assertThat(size.get("sendingSeconds").asDouble()).isPositive().isLessThan(wall);
            assertThat(size.get("liveHeapBytes").asLong()).isPositive();
            assertThat(size.get("bytesPerDevice").asDouble())
                    .isCloseTo(
                            (size.get("liveHeapBytes").asDouble()
                                            - size.get("baselineHeapBytes").asDouble())
                                    / devices,
                            offset(1e-6));
            assertThat(size.get("peakHeapAfterGcBytes").asLong()).isPositive();
            assertThat(size.get("peakRssBytes").asLong()).isNotZero();
            assertThat(size.get("loadAverage").has("start")).isTrue();
        }
        assertThat(report.get("growth").asDouble())
                .isCloseTo(
                        sizes.get(1).get("microsPerDevice").asDouble()
                                / sizes.get(0).get("microsPerDevice").asDouble(),
                        offset(1e-9));
        assertThat(report.get("projection").get("devices").asInt()).isEqualTo(30_000_000);
        // The largest size's time plus a positive cost for each Device added, however noisy the two sizes' timings
        double largestWall = sizes.get(1).get("wallSeconds").asDouble();
        double perAdded = (report.get("projection").get("seconds").asDouble() - largestWall) / (30_000_000 - 600);
        assertThat(perAdded).isPositive();
        double marginal = (largestWall - sizes.get(0).get("wallSeconds").asDouble()) / 300;
        double ownCost = sizes.get(1).get("microsPerDevice").asDouble() / 1e6;
        assertThat(perAdded)
                .satisfiesAnyOf(
                        cost -> assertThat(cost).isCloseTo(marginal, offset(1e-9)),
                        cost -> assertThat(cost).isCloseTo(ownCost, offset(1e-9)));
        assertThat(report.get("targets"))
                .extracting(t -> t.get("metric").asText())
                .containsExactly("heapBytesPerDevice", "growth", "nationalMinutes", "nationalHeapBytes");
        JsonNode heap = report.get("targets").get(0);
        assertThat(heap.get("threshold").asDouble()).isEqualTo(64.0);
        assertThat(heap.get("actual").asDouble())
                .isEqualTo(sizes.get(1).get("bytesPerDevice").asDouble());
        assertThat(heap.get("result").asText()).isEqualTo(heap.get("actual").asDouble() <= 64 ? "PASS" : "MISS");
    }

    @Test
    void threadsCanBeChosen() throws Exception {
        JsonNode report =
                json(CliRun.of("bench", "lint", "--devices", "6", "--seconds", "0.3", "--threads", "2", "--json"));

        assertThat(report.get("threads").asInt()).isEqualTo(2);
        assertThat(report.get("facts").get("libraryValidShare").asDouble()).isEqualTo(1.0);
    }

    @ParameterizedTest
    @CsvSource({
        "issuance --devices 0, --devices",
        "fleet --devices 67108865, 67108864",
        "issuance --seconds 0, --seconds",
        "lint --seconds 99999, --seconds",
        "lint --threads 0, --threads",
        "scale --devices 0, --devices",
        "scale --devices 67108865, 67108864",
        "'scale --devices 1,2,3,4,5,6,7,8,9', at most 8 sizes",
    })
    void badValuesExitTwoWithOneLineNamingTheOption(String args, String option) {
        CliRun run = CliRun.of(("bench " + args).split(" "));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.errLines())
                .singleElement()
                .asString()
                .startsWith("smki bench")
                .contains(option);
        assertThat(run.out()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"issuance --devices many", "fast", "lint --frobnicate"})
    void malformedOptionsAndUnknownBenchmarksAreUsageErrorsWithoutAStackTrace(String args) {
        CliRun run = CliRun.of(("bench " + args).split(" "));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.errLines().get(0)).startsWith("smki bench");
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void benchAloneNamesTheBenchmarks() {
        CliRun run = CliRun.of("bench");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.errLines().get(0)).contains("issuance").contains("fleet").contains("lint");
    }
}
