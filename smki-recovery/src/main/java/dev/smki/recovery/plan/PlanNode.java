package dev.smki.recovery.plan;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value of a plan's text with where it starts: a map (keys in order), a list, or a scalar's text. Read through
 * Jackson's YAML parser, keeping the line and column of every value so that each problem names where it is.
 */
final class PlanNode {

    private static final YAMLFactory YAML = YAMLFactory.builder().build();

    final int line;
    final int column;
    final Map<String, PlanNode> fields;
    final Map<String, PlanNode> keys;
    final List<PlanNode> items;
    final String text;

    PlanNode(
            int line,
            int column,
            Map<String, PlanNode> fields,
            Map<String, PlanNode> keys,
            List<PlanNode> items,
            String text) {
        this.line = line;
        this.column = column;
        this.fields = fields;
        this.keys = keys;
        this.items = items;
        this.text = text;
    }

    boolean isMap() {
        return fields != null;
    }

    boolean isList() {
        return items != null;
    }

    boolean isScalar() {
        return text != null;
    }

    /**
     * Returns the tree of {@code text}, or null when it is not YAML, reporting why to {@code r}.
     */
    static PlanNode parse(String text, PlanReader r) {
        try (JsonParser parser = YAML.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                r.problem(1, 1, "the plan is empty");
                return null;
            }
            return node(parser, r);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            r.problem(
                    at == null ? 1 : at.getLineNr(),
                    at == null ? 1 : at.getColumnNr(),
                    "not YAML: " + e.getOriginalMessage().lines().findFirst().orElse("malformed"));
            return null;
        } catch (IOException e) {
            r.problem(1, 1, "cannot be read: " + e.getMessage());
            return null;
        }
    }

    private static PlanNode node(JsonParser parser, PlanReader r) throws IOException {
        JsonLocation at = parser.currentTokenLocation();
        int line = at.getLineNr();
        int column = at.getColumnNr();
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            Map<String, PlanNode> fields = new LinkedHashMap<>();
            Map<String, PlanNode> keys = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                JsonLocation keyAt = parser.currentTokenLocation();
                String key = parser.currentName();
                PlanNode keyNode = new PlanNode(keyAt.getLineNr(), keyAt.getColumnNr(), null, null, null, key);
                parser.nextToken();
                PlanNode value = node(parser, r);
                if (fields.containsKey(key)) {
                    r.problem(keyNode, "'" + key + "' is given twice");
                }
                fields.put(key, value);
                keys.put(key, keyNode);
            }
            return new PlanNode(line, column, fields, keys, null, null);
        }
        if (token == JsonToken.START_ARRAY) {
            List<PlanNode> items = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                items.add(node(parser, r));
            }
            return new PlanNode(line, column, null, null, items, null);
        }
        if (token == JsonToken.VALUE_NULL) {
            return new PlanNode(line, column, null, null, null, "");
        }
        return new PlanNode(line, column, null, null, null, parser.getText());
    }
}
