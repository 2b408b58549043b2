package dev.smki.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.smki.core.environment.SmkiEnvironment;
import dev.smki.core.profile.CertificateInput;
import dev.smki.core.profile.CertificateValidator;
import dev.smki.core.profile.Finding;
import dev.smki.core.profile.NotChecked;
import dev.smki.core.profile.ProfileKind;
import dev.smki.core.profile.ValidationContext;
import dev.smki.core.profile.ValidationReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.bouncycastle.cert.X509CertificateHolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The {@code smki lint} command: checks certificates and Device CSRs against the SMKI profiles and prints
 * every broken rule.
 */
@Command(
        name = "lint",
        mixinStandardHelpOptions = true,
        description = {
            "Checks SMKI certificates and Device CSRs (PEM with any number of blocks, or DER) against the SMKI"
                    + " profiles (certificates.md §7) and prints every broken rule.",
            "The profile of each certificate is detected (Root OCA, Issuing OCA, Root DCA, Issuing DCA,"
                    + " Organisation, Device) unless --profile forces one; requests are Device CSRs.",
            "Every certificate given as FILE or --issuer is a candidate issuer of the others, so a chain in one"
                    + " file is checked link by link; rules that need a missing issuer are reported as not"
                    + " checked."
        },
        footer = {
            "",
            "Exit codes: 0 no ERROR finding, 1 an ERROR finding (including input that is not a certificate),"
                    + " 2 bad usage or a file that cannot be read."
        })
final class LintCommand implements Callable<Integer> {

    /** Rules whose expectation comes from the environment; when they fail, another environment may fit. */
    private static final Set<String> ENVIRONMENT_RULES =
            Set.of("CERT-21", "CERT-25", "CERT-36", "CERT-48", "CERT-49", "CERT-52");

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--env",
            paramLabel = "NAME|FILE",
            defaultValue = "sim",
            description = "SMKI environment whose policy and hwType OIDs certificates must carry: dcc-test, sim,"
                    + " or a properties file (default: ${DEFAULT-VALUE}, what this project's test PKI issues;"
                    + " use dcc-test for DCC test certificates).")
    private String environment;

    @Option(
            names = "--at",
            paramLabel = "YYYY-MM-DD",
            description = "Validation instant: a date (its start, UTC) or an ISO instant (default: now).")
    private String at;

    @Option(
            names = "--issuer",
            paramLabel = "FILE",
            description = "Candidate issuer certificates (PEM or DER); may be repeated.")
    private List<Path> issuerFiles = new ArrayList<>();

    @Option(
            names = "--profile",
            paramLabel = "KIND",
            description = "Check every certificate against this profile instead of the detected one: root-oca,"
                    + " issuing-oca, root-dca, issuing-dca, organisation, device.")
    private String profile;

    @Option(
            names = "--trust-anchor",
            description = "The certificates are offered as Device trust anchors (CS02b/CS02g replacements): also"
                    + " apply the trust-anchor role/usage advice of CERT-38.")
    private boolean trustAnchor;

    @Option(
            names = "--json",
            description = "Print one JSON result per certificate instead of text: the file, the index in it, where,"
                    + " and the report's fields (ValidationReport.toJson()).")
    private boolean json;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Certificates and CSRs to check.")
    private List<Path> files;

    /** One certificate or request read from a file, with its report. */
    private record Result(Path file, int index, int count, CertificateInput item, ValidationReport report) {
        String label() {
            return count == 1 ? file.toString() : file + " [" + index + "]";
        }
    }

    @Override
    public Integer call() {
        SmkiEnvironment env = environment();
        Instant instant = instant();
        ProfileKind forced = forcedProfile();
        List<X509CertificateHolder> issuers = new ArrayList<>();
        for (Path file : issuerFiles) {
            try {
                issuers.addAll(CertificateInput.parseCertificates(CliFiles.read(file)));
            } catch (IllegalArgumentException e) {
                throw new UserInputException("--issuer " + file + ": " + e.getMessage(), e);
            }
        }
        Map<Path, List<CertificateInput>> inputs = new LinkedHashMap<>();
        List<CertificateInput> all = new ArrayList<>();
        for (Path file : files) {
            List<CertificateInput> items = CertificateInput.parse(CliFiles.read(file));
            inputs.put(file, items);
            all.addAll(items);
            items.stream()
                    .filter(CertificateInput.Certificate.class::isInstance)
                    .map(item -> ((CertificateInput.Certificate) item).holder())
                    .forEach(issuers::add);
        }
        ValidationContext ctx =
                trustAnchorContext(ValidationContext.builder(env, instant).issuers(issuers));
        List<ValidationReport> reports = forced == null
                ? CertificateValidator.validateAll(all, ctx)
                : CertificateValidator.validateAll(all, forced, ctx);
        List<Result> results = new ArrayList<>(reports.size());
        int next = 0;
        for (Map.Entry<Path, List<CertificateInput>> entry : inputs.entrySet()) {
            List<CertificateInput> items = entry.getValue();
            for (int i = 0; i < items.size(); i++) {
                results.add(new Result(entry.getKey(), i + 1, items.size(), items.get(i), reports.get(next++)));
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            printJson(out, env, instant, results);
        } else {
            printText(out, env, instant, ctx, results);
        }
        out.flush();
        return results.stream().anyMatch(r -> r.report().hasErrors()) ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    private SmkiEnvironment environment() {
        return CliFiles.environment(environment);
    }

    private Instant instant() {
        return CliInstants.parse("--at", at);
    }

    private ProfileKind forcedProfile() {
        if (profile == null) {
            return null;
        }
        ProfileKind kind;
        try {
            kind = ProfileKind.parse(profile);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--profile: " + e.getMessage(), e);
        }
        if (kind == ProfileKind.DEVICE_CSR) {
            throw new UserInputException(
                    "--profile: requests are always checked as Device CSRs; choose a certificate profile");
        }
        return kind;
    }

    private void printText(
            PrintWriter out, SmkiEnvironment env, Instant instant, ValidationContext ctx, List<Result> results) {
        int errors = 0;
        int warningsOnly = 0;
        for (Result result : results) {
            ValidationReport report = result.report();
            String profileText = report.checkedProfile()
                    .map(p -> p.displayName() + (report.profileForced() ? " (forced)" : ""))
                    .orElse("not a certificate");
            out.println(result.label() + ": " + profileText + ": " + report.subject());
            for (Finding f : report.findings()) {
                out.println("  " + f.severity() + " " + f.rule().id() + " "
                        + f.rule().statement());
                out.println("      actual:   " + f.actual());
                out.println("      expected: " + f.expected());
            }
            summariseNotChecked(out, report.notChecked());
            hintEnvironment(out, result, env, ctx);
            if (report.hasErrors()) {
                errors++;
            } else if (!report.findings().isEmpty()) {
                warningsOnly++;
            }
            if (report.findings().isEmpty()) {
                out.println("  OK");
            }
        }
        out.println();
        out.println(results.size() + (results.size() == 1 ? " item" : " items") + " checked in environment "
                + env.name() + " at " + instant + ": " + errors + " with errors, " + warningsOnly
                + " with warnings only.");
    }

    private static void summariseNotChecked(PrintWriter out, List<NotChecked> notChecked) {
        Map<String, List<String>> byReason = new LinkedHashMap<>();
        for (NotChecked n : notChecked) {
            byReason.computeIfAbsent(n.reason(), r -> new ArrayList<>())
                    .add(n.rule().id().value());
        }
        byReason.forEach(
                (reason, ids) -> out.println("  not checked: " + String.join(", ", ids) + " (" + reason + ")"));
    }

    /** Prints which built-in environment the certificate's OIDs belong to, when it is not the chosen one. */
    private static void hintEnvironment(PrintWriter out, Result result, SmkiEnvironment env, ValidationContext ctx) {
        boolean environmentFindings = result.report().findings().stream()
                .anyMatch(f -> ENVIRONMENT_RULES.contains(f.rule().id().value()));
        if (!environmentFindings) {
            return;
        }
        for (SmkiEnvironment other : SmkiEnvironment.builtIn()) {
            if (other.name().equals(env.name())) {
                continue;
            }
            ValidationContext otherCtx = ValidationContext.builder(other, ctx.clock())
                    .issuers(ctx.issuers())
                    .build();
            List<ValidationReport> again = CertificateValidator.validateAll(List.of(result.item()), otherCtx);
            boolean fits = again.get(0).findings().stream()
                    .noneMatch(f -> ENVIRONMENT_RULES.contains(f.rule().id().value()));
            if (fits) {
                out.println(
                        "  hint: its OIDs are those of environment " + other.name() + " (--env " + other.name() + ")");
                return;
            }
        }
    }

    /**
     * Prints {@code {"environment": ..., "at": ..., "results": [...]}}: each result is the file, the item's index
     * in it and where it was found, then the report's own fields in the JSON form {@link ValidationReport#toJson()}
     * documents.
     */
    private static void printJson(PrintWriter out, SmkiEnvironment env, Instant instant, List<Result> results) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("environment", env.name());
        root.put("at", instant.toString());
        ArrayNode array = root.putArray("results");
        try {
            for (Result result : results) {
                ObjectNode node = array.addObject();
                node.put("file", result.file().toString());
                node.put("index", result.index());
                node.put("where", result.item().where());
                node.setAll((ObjectNode) mapper.readTree(result.report().toJson()));
            }
            out.println(mapper.writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the JSON report", e);
        }
    }

    private ValidationContext trustAnchorContext(ValidationContext.Builder builder) {
        return (trustAnchor ? builder.offeredAsTrustAnchor() : builder).build();
    }
}
