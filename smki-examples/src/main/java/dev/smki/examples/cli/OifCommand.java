package dev.smki.examples.cli;

import dev.smki.core.registration.OifCheck;
import dev.smki.core.registration.OifCsv;
import dev.smki.core.registration.OifFinding;
import dev.smki.core.registration.OrganisationInformationRules;
import dev.smki.core.registration.RangeDeclaration;
import java.io.PrintWriter;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code smki oif}: checks Organisation Information Form EUI-64 ranges (SEC Appendix D §5.1, Section H1.5). */
@Command(
        name = "oif",
        description = "Organisation Information Form EUI-64 ranges (SEC Appendix D 5.1 with Section H1.5).",
        mixinStandardHelpOptions = true,
        subcommands = {OifCommand.Check.class})
final class OifCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: check");
    }

    /** {@code smki oif check FILE}. */
    @Command(
            name = "check",
            mixinStandardHelpOptions = true,
            description = {
                "Checks per-Party, per-User-Role EUI-64 ranges: each role's identifiers form one contiguous range"
                        + " (OIF-1), roles of one Party do not overlap except the pairs Section H1.5 lets share"
                        + " (OIF-2: import-supplier + gas-supplier, electricity-distributor + gas-transporter;"
                        + " from memory), Parties do not overlap (OIF-3).",
                "FILE is CSV with the header " + OifCsv.HEADER + "."
            },
            footer = {"", "Exit codes: 0 no findings, 1 findings, 2 unreadable or malformed input."})
    static final class Check implements Callable<Integer> {

        /** The most findings printed; the rest are counted. */
        static final int MAX_LISTED = 1_000;

        @Spec
        private CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "The ranges, as CSV.")
        private Path file;

        @Override
        public Integer call() {
            List<RangeDeclaration> declarations;
            try {
                declarations = OifCsv.read(new StringReader(new String(CliFiles.read(file), StandardCharsets.UTF_8)));
            } catch (OifCsv.FormatException e) {
                throw new UserInputException(file + ": " + e.getMessage());
            }
            OrganisationInformationRules rules = OrganisationInformationRules.defaults();
            OifCheck check = rules.check(declarations, MAX_LISTED);
            List<OifFinding> findings = check.findings();
            PrintWriter out = spec.commandLine().getOut();
            long parties = declarations.stream()
                    .map(RangeDeclaration::party)
                    .distinct()
                    .count();
            out.printf("%s: %d ranges, %d parties%n", file, declarations.size(), parties);
            for (OifFinding finding : findings) {
                out.printf(
                        "%s %s%n    rule: %s%n",
                        finding.rule().id(), finding.message(), finding.rule().citation());
            }
            if (check.unlisted() > 0) {
                out.printf("... and %,d more finding(s), not listed%n", check.unlisted());
            }
            out.println(check.isClean() ? "OK: no findings" : String.format("%,d finding(s)", check.total()));
            out.flush();
            return check.isClean() ? ExitCodes.OK : ExitCodes.FINDINGS;
        }
    }
}
