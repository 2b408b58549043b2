package dev.smki.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.smki.core.device.Cs02bMessages;
import dev.smki.core.gbcs.Field;
import dev.smki.core.gbcs.FieldTree;
import dev.smki.core.gbcs.GbcsFormatException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The {@code smki gbcs decode} command: prints every field of a GBCS message with its offset. */
@Command(
        name = "decode",
        mixinStandardHelpOptions = true,
        description = {
            "Reads the GBCS message in FILE (hex text, spaces and line breaks allowed, or binary) and prints every"
                    + " field with its offset and length in bytes: the Grouping Header, the payload (CS02b Update"
                    + " Security Credentials commands and responses field by field; other payloads as bytes) and"
                    + " the signature. Reading is strict and never re-encodes; a MAC Header is shown but its MAC is"
                    + " not checked. The plaintext Symmetric Key of a contingency command is not shown."
        },
        footer = {
            "",
            "Exit codes: 0 decoded, 2 bad usage, an unreadable file or a malformed message (the offset and the field"
                    + " are named on stderr; the fields read before it are printed)."
        })
final class GbcsDecodeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON object with the field tree instead of text.")
    private boolean json;

    @Parameters(paramLabel = "FILE", description = "The message: hex text or binary.")
    private Path file;

    @Override
    public Integer call() {
        byte[] message = GbcsFiles.message(file);
        FieldTree tree = new FieldTree();
        GbcsFormatException malformed = null;
        try {
            Cs02bMessages.decode(message, tree);
        } catch (GbcsFormatException e) {
            malformed = e;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(json(message.length, tree.fields(), malformed));
        } else {
            out.printf("%s: %d bytes%n", file, message.length);
            out.printf("%6s %6s  %s%n", "offset", "length", "field");
            print(out, tree.fields(), 0);
        }
        out.flush();
        if (malformed != null) {
            throw new UserInputException(file + ": malformed at " + malformed.getMessage(), malformed);
        }
        return ExitCodes.OK;
    }

    private static void print(PrintWriter out, List<Field> fields, int depth) {
        for (Field field : fields) {
            out.printf(
                    "%6d %6d  %s%s%s%n",
                    field.offset(),
                    field.length(),
                    "  ".repeat(depth),
                    field.name(),
                    field.value().isEmpty() ? "" : ": " + field.value());
            print(out, field.fields(), depth + 1);
        }
    }

    private static String json(int length, List<Field> fields, GbcsFormatException malformed) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("bytes", length);
        if (malformed != null) {
            ObjectNode error = root.putObject("malformed");
            error.put("offset", malformed.offset());
            error.put("field", malformed.field());
            error.put("problem", malformed.problem());
        }
        fields(root.putArray("fields"), fields);
        try {
            return mapper.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write JSON", e);
        }
    }

    private static void fields(ArrayNode array, List<Field> fields) {
        for (Field field : fields) {
            ObjectNode node = array.addObject();
            node.put("name", field.name());
            node.put("offset", field.offset());
            node.put("length", field.length());
            if (field.number().isPresent()) {
                node.put("value", field.number().getAsLong());
            } else if (!field.value().isEmpty()) {
                node.put("value", field.value());
            }
            if (!field.fields().isEmpty()) {
                fields(node.putArray("fields"), field.fields());
            }
        }
    }
}
