package dev.smki.examples.cli;

import dev.smki.core.internal.files.DurableFiles;
import dev.smki.recovery.incident.ProgressFile;
import dev.smki.recovery.journal.JournalVerification;
import dev.smki.recovery.rehearsal.ProgressFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files one run of {@code smki rehearse} writes, claimed so that it never deletes or replaces a file it did not
 * create: the journal, created new (never an existing file, device, FIFO or directory); its side files, named from
 * the journal's whole file name ({@code NAME.OPERATION.progress.csv}, {@code NAME.seals}, {@code
 * NAME.seal-key.pem}, {@code NAME.seal.pub.pem}); {@code --json}; and {@code --report}. No two of them may be the
 * same file, and none may replace a file that starts with a journal header (another run's record).
 */
final class RunOutputs {

    /** What every journal's first line starts with. */
    static final String JOURNAL_START = "{\"journal\":\"smki-procedure-journal\"";

    static final String SEALS = ".seals";
    static final String SEAL_KEY = ".seal-key.pem";
    static final String SEAL_PUBLIC_KEY = ".seal.pub.pem";
    private static final String PROGRESS = ".progress.csv";
    private static final String REPORT_INDEX = "index.html";
    private static final String REPORT_JOURNAL = "journal.jsonl";

    private final Path journal;
    private final boolean resumed;
    private final Path json;
    private final Path report;
    private final Object createdFileKey;
    private final List<Path> created = new ArrayList<>();

    private RunOutputs(Path journal, boolean resumed, Path json, Path report, Object createdFileKey) {
        this.journal = journal;
        this.resumed = resumed;
        this.json = json;
        this.report = report;
        this.createdFileKey = createdFileKey;
    }

    /**
     * Claims the journal of a new run: {@code requested}, or when it is null the first free {@code STEM.journal},
     * {@code STEM-2.journal}... in {@code directory}; created new, with its directory, after checking the other
     * outputs.
     *
     * @throws UserInputException when the journal exists (whatever it is), one of its side files exists, or the
     *     outputs collide
     */
    static RunOutputs forNewRun(Path requested, Path directory, String stem, Path json, Path report) {
        Path journal;
        if (requested != null) {
            journal = requested;
            createDirectoryOf(journal, "--journal");
            if (Files.exists(journal, LinkOption.NOFOLLOW_LINKS)) {
                throw new UserInputException("--journal: " + whyNotNew(journal));
            }
            checkOthers(journal, json, report, null);
            refuseLeftSideFiles(journal);
            try {
                Files.createFile(journal);
            } catch (FileAlreadyExistsException e) {
                throw new UserInputException("--journal: " + whyNotNew(journal), e);
            } catch (IOException e) {
                throw new UserInputException(
                        "--journal: cannot create " + journal + ": " + CliFiles.describe(journal, e), e);
            }
        } else {
            createDirectoryOf(directory.resolve(stem), "the journal directory");
            journal = null;
            for (int i = 1; journal == null; i++) {
                Path candidate = directory.resolve(stem + (i == 1 ? "" : "-" + i) + ".journal");
                if (Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)
                        || !leftSideFiles(candidate).isEmpty()) {
                    continue;
                }
                checkOthers(candidate, json, report, null);
                try {
                    Files.createFile(candidate);
                    journal = candidate;
                } catch (FileAlreadyExistsException e) {
                    // Taken meanwhile by another run: try the next name.
                } catch (IOException e) {
                    throw new UserInputException(
                            "cannot create " + candidate + ": " + CliFiles.describe(candidate, e), e);
                }
            }
        }
        Object key;
        try {
            DurableFiles.forceDirectory(journal.toAbsolutePath().getParent());
            key = Files.readAttributes(journal, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            throw new UserInputException("cannot create " + journal + ": " + CliFiles.describe(journal, e), e);
        }
        return new RunOutputs(journal, false, json, report, key);
    }

    /**
     * Checks the outputs of a resumed run of {@code journal}, which must be a regular file.
     *
     * @throws UserInputException when the journal is not a regular file or the outputs collide
     */
    static RunOutputs forResume(Path journal, Path json, Path report, byte[] journalBytes) {
        checkOthers(journal, json, report, firstLine(journalBytes));
        for (Path side : leftSideFiles(journal)) {
            if (side.getFileName().toString().endsWith(PROGRESS)
                    && (!Files.isRegularFile(side, LinkOption.NOFOLLOW_LINKS)
                            || !startsWith(side, ProgressFile.HEADER + "\n"))) {
                throw new UserInputException("cannot resume " + journal + ": " + side + " is where its Recovery"
                        + " Progress File goes, and it is not one; it is left as it is (move it away to resume)");
            }
        }
        return new RunOutputs(journal, true, json, report, null);
    }

    /**
     * Refuses a {@code --json} or {@code --report} that would overwrite one of the run's input files ({@code
     * inputs}, by option; null values are ignored).
     *
     * @throws UserInputException naming both options
     */
    static void refuseOverwritingInputs(Path json, Path report, Map<String, Path> inputs) {
        Map<String, Path> taken = new java.util.LinkedHashMap<>();
        inputs.forEach((option, file) -> {
            if (file != null) {
                taken.put("the " + option + " file", file);
            }
        });
        if (json != null) {
            refuseSame("--json", json, taken, null);
        }
        if (report != null) {
            refuseSame("--report", report.resolve(REPORT_INDEX), taken, null);
            refuseSame("--report", report.resolve(REPORT_JOURNAL), taken, null);
        }
    }

    /** Returns the journal. */
    Path journal() {
        return journal;
    }

    /** Returns the seals file of the journal. */
    Path seals() {
        return sideFile(journal, SEALS);
    }

    /** Returns where a generated seal key's private half goes. */
    Path sealKey() {
        return sideFile(journal, SEAL_KEY);
    }

    /** Returns where the seal key's public half goes. */
    Path sealPublicKey() {
        return sideFile(journal, SEAL_PUBLIC_KEY);
    }

    private static Path sideFile(Path journal, String suffix) {
        return journal.resolveSibling(journal.getFileName() + suffix);
    }

    /**
     * Creates {@code file}, a side file of the journal, holding {@code text} (with {@code mode}, or the default
     * permissions when null); {@link #abandon} deletes it again.
     *
     * @throws UserInputException when it exists or cannot be written
     */
    void create(Path file, String text, Set<PosixFilePermission> mode) {
        try {
            DurableFiles.createNew(file, text.getBytes(StandardCharsets.UTF_8), mode);
            created.add(file);
        } catch (FileAlreadyExistsException e) {
            throw new UserInputException("cannot write " + file + ": it exists; it is left as it is", e);
        } catch (IOException e) {
            throw new UserInputException("cannot write " + file + ": " + CliFiles.describe(file, e), e);
        }
    }

    /**
     * Undoes a run that failed before recording anything: deletes the side files it created and the journal when
     * this run created it and it is still empty; anything else is left as it is.
     */
    void abandon() {
        for (Path file : created) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // Left as it is: a key file of a journal that does not exist, which the next run with that name names.
            }
        }
        created.clear();
        if (resumed || createdFileKey == null) {
            return;
        }
        try {
            BasicFileAttributes now =
                    Files.readAttributes(journal, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (now.isRegularFile() && now.size() == 0 && createdFileKey.equals(now.fileKey())) {
                Files.delete(journal);
            }
        } catch (IOException e) {
            // Left as it is: an empty journal, which a new run refuses and names.
        }
    }

    /**
     * Returns the Recovery Progress Files of the run, which the rehearsal writes as it sends commands: each created
     * new by a new run; a resumed run goes on from those the interrupted run left (checked to be Recovery Progress
     * Files by {@link #forResume}).
     */
    ProgressFiles progressFiles() {
        return resumed ? ProgressFiles.continuing(journal) : ProgressFiles.beside(journal);
    }

    /** Writes {@code text} to the {@code --json} file, whole or not at all. */
    void writeJson(String text) {
        refuseToReplace(json, "--json", null);
        try {
            DurableFiles.replace(json, text.getBytes(StandardCharsets.UTF_8), null);
        } catch (IOException e) {
            throw new UserInputException("cannot write " + json + ": " + CliFiles.describe(json, e), e);
        }
    }

    /**
     * Writes the report's {@code index.html} ({@code html}) and {@code journal.jsonl} (a copy of the journal) into
     * the {@code --report} directory, each whole or not at all, and returns the path of {@code index.html}.
     */
    Path writeReport(String html, byte[] journalCopy) {
        Path index = report.resolve(REPORT_INDEX);
        Path copy = report.resolve(REPORT_JOURNAL);
        refuseToReplace(index, "--report", null);
        refuseToReplace(copy, "--report", firstLine(journalCopy));
        try {
            DurableFiles.createDirectories(report, null);
            DurableFiles.replace(copy, journalCopy, null);
            DurableFiles.replace(index, html.getBytes(StandardCharsets.UTF_8), null);
        } catch (IOException e) {
            throw new UserInputException(
                    "cannot write the report into " + report + ": " + CliFiles.describe(report, e), e);
        }
        return index;
    }

    /** Refuses side files of {@code journal} left by an earlier journal of the same name. */
    private static void refuseLeftSideFiles(Path journal) {
        List<Path> left = leftSideFiles(journal);
        if (!left.isEmpty()) {
            throw new UserInputException("--journal: " + left.get(0) + " exists, left by an earlier journal named "
                    + journal.getFileName() + "; move it away or name another --journal");
        }
    }

    private static List<Path> leftSideFiles(Path journal) {
        Path directory = journal.toAbsolutePath().getParent();
        if (directory == null || !Files.isDirectory(directory)) {
            return List.of();
        }
        String name = journal.getFileName().toString();
        Pattern progress = Pattern.compile(Pattern.quote(name) + "\\.[A-Za-z0-9_-]+" + Pattern.quote(PROGRESS));
        List<String> seals = List.of(name + SEALS, name + SEAL_KEY, name + SEAL_PUBLIC_KEY);
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> {
                        String n = f.getFileName().toString();
                        return seals.contains(n) || progress.matcher(n).matches();
                    })
                    .sorted()
                    .map(f -> journal.resolveSibling(f.getFileName()))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * Checks {@code --json} and {@code --report} against the journal and each other: no two outputs are one file,
     * none is a directory where a file goes (or the reverse), a device or a FIFO, and none holds a journal (a
     * report's journal copy may hold this run's, whose first line is {@code journalHeader}).
     */
    private static void checkOthers(Path journal, Path json, Path report, String journalHeader) {
        Map<String, Path> taken = new java.util.LinkedHashMap<>();
        taken.put("the journal", journal);
        taken.put("the journal's seals", sideFile(journal, SEALS));
        taken.put("the journal's seal key", sideFile(journal, SEAL_KEY));
        taken.put("the journal's seal public key", sideFile(journal, SEAL_PUBLIC_KEY));
        if (json != null) {
            refuseSame("--json", json, taken, journal);
            refuseToReplace(json, "--json", null);
            taken.put("--json", json);
        }
        if (report != null) {
            String kind = CliFiles.notRegular(report);
            if (Files.exists(report) && !Files.isDirectory(report)) {
                throw new UserInputException("--report: " + report + " exists and is not a directory");
            }
            if (kind != null && !Files.isDirectory(report)) {
                throw new UserInputException("--report: " + report + ": " + kind);
            }
            refuseSame("--report", report, taken, journal);
            Path index = report.resolve(REPORT_INDEX);
            Path copy = report.resolve(REPORT_JOURNAL);
            refuseSame("--report", index, taken, journal);
            refuseSame("--report", copy, taken, journal);
            refuseToReplace(index, "--report", null);
            refuseToReplace(copy, "--report", journalHeader);
        }
    }

    private static void refuseSame(String option, Path file, Map<String, Path> taken, Path journal) {
        String identity = identity(file);
        taken.forEach((what, other) -> {
            if (identity.equals(identity(other))) {
                throw new UserInputException(option + ": " + file + " is " + what + " (" + other + "); every output"
                        + " of a run is a file of its own");
            }
        });
        if (journal == null) {
            return;
        }
        String name = Path.of(identity).getFileName().toString();
        String journalName = Path.of(identity(journal)).getFileName().toString();
        if (Path.of(identity).getParent() != null
                && Path.of(identity)
                        .getParent()
                        .equals(Path.of(identity(journal)).getParent())
                && Pattern.matches(Pattern.quote(journalName) + "\\.[A-Za-z0-9_-]+" + Pattern.quote(PROGRESS), name)) {
            throw new UserInputException(option + ": " + file + " is where the journal's Recovery Progress File goes;"
                    + " every output of a run is a file of its own");
        }
    }

    /**
     * Refuses to replace {@code file} when it is not a regular file (a directory, device, FIFO or socket) or starts
     * with a journal header other than {@code allowedHeader} (null: any journal is refused).
     */
    private static void refuseToReplace(Path file, String option, String allowedHeader) {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isRegularFile(file)) {
            String kind = CliFiles.notRegular(file);
            throw new UserInputException(
                    option + ": " + file + ": " + (kind == null ? "it is not a regular file" : kind)
                            + ", not a file to write; it is left as it is");
        }
        if (startsWith(file, JOURNAL_START)) {
            String header = firstLine(file);
            if (allowedHeader == null || !allowedHeader.equals(header)) {
                throw new UserInputException(option + ": " + file + " holds a journal, a record that is never"
                        + " overwritten; name another file");
            }
        }
    }

    /** Returns the path {@code file} names, with links resolved as far as it exists. */
    private static String identity(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        try {
            return absolute.toRealPath().toString();
        } catch (IOException e) {
            Path parent = absolute.getParent();
            if (parent != null && Files.isDirectory(parent)) {
                try {
                    return parent.toRealPath().resolve(absolute.getFileName()).toString();
                } catch (IOException again) {
                    return absolute.toString();
                }
            }
            return absolute.toString();
        }
    }

    private static void createDirectoryOf(Path file, String what) {
        Path directory = file.toAbsolutePath().getParent();
        try {
            DurableFiles.createDirectories(directory, null);
        } catch (IOException e) {
            throw new UserInputException(
                    "cannot create the directory " + directory + " for " + what + ": "
                            + CliFiles.describe(directory, e),
                    e);
        }
    }

    /** Says why {@code journal}, which exists, cannot be a new run's journal. */
    private static String whyNotNew(Path journal) {
        String kind = CliFiles.notRegular(journal);
        if (kind != null) {
            return journal + ": " + kind + ", not a new file; it is left as it is: name a new journal file";
        }
        byte[] bytes;
        try {
            bytes = CliFiles.read(journal);
        } catch (UserInputException e) {
            return journal + " exists and cannot be read; it is left as it is: name a new journal file";
        }
        JournalVerification verification = JournalVerification.of(bytes);
        if (verification.hasHeader() || !verification.isIntact() && startsWith(bytes, JOURNAL_START)) {
            return journal + " already holds a journal (" + verification.lines() + " lines), a record that is never"
                    + " overwritten: continue it with 'smki rehearse --resume " + journal
                    + "' or name another --journal";
        }
        if (startsWith(bytes, JOURNAL_START) || bytes.length == 0) {
            return journal + " holds no complete journal header (" + bytes.length + " bytes): a rehearsal stopped"
                    + " before it recorded anything; it is left as it is: delete it if it is yours, or name another"
                    + " --journal";
        }
        return journal + " exists and is not a journal; it is left as it is: name a new journal file";
    }

    private static boolean startsWith(Path file, String prefix) {
        byte[] expected = prefix.getBytes(StandardCharsets.UTF_8);
        try (InputStream in = Files.newInputStream(file)) {
            return startsWith(in.readNBytes(expected.length), prefix);
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new UserInputException("cannot read " + file + ": " + CliFiles.describe(file, e), e);
        }
    }

    private static boolean startsWith(byte[] bytes, String prefix) {
        byte[] expected = prefix.getBytes(StandardCharsets.UTF_8);
        return bytes.length >= expected.length
                && java.util.Arrays.equals(bytes, 0, expected.length, expected, 0, expected.length);
    }

    private static String firstLine(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return firstLine(in.readNBytes(1 << 20));
        } catch (IOException e) {
            throw new UserInputException("cannot read " + file + ": " + CliFiles.describe(file, e), e);
        }
    }

    private static String firstLine(byte[] bytes) {
        int end = 0;
        while (end < bytes.length && bytes[end] != '\n') {
            end++;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "RunOutputs[" + journal + "]";
    }
}
