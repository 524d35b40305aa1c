package org.ehiaccess.ui.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.ehiaccess.ui.client.intake.AuditRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One entry of an audit trail as people read it: when, who, what, and each value that changed
 * (before → after). The services record the whole record before and after, as JSON (settings) or as
 * {@code name=value; name=value} (complaints); anything else is shown as it is.
 */
public record AuditLine(Instant at, String actor, String action, List<Change> changes) {

    /** One changed value; {@code before} is empty for a record just created. */
    public record Change(String name, String before, String after) {
        /** "Response policy › default internal target › amount" */
        public String label() {
            String words = name.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.US)
                    .replace(".", " › ");
            return words.isEmpty() ? "" : Character.toUpperCase(words.charAt(0)) + words.substring(1);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public static List<AuditLine> of(List<AuditRecord> records) {
        List<AuditLine> lines = new ArrayList<>(records.stream().map(AuditLine::of).toList());
        java.util.Collections.reverse(lines);
        return List.copyOf(lines);
    }

    static AuditLine of(AuditRecord r) {
        Map<String, String> before = values(r.beforeValue());
        Map<String, String> after = values(r.afterValue());
        Set<String> names = new LinkedHashSet<>(before.keySet());
        names.addAll(after.keySet());
        List<Change> changes = new ArrayList<>();
        for (String name : names) {
            String b = readable(before.getOrDefault(name, ""));
            String a = readable(after.getOrDefault(name, ""));
            if (!Objects.equals(b, a)) {
                changes.add(new Change(name, b, a));
            }
        }
        String action = r.action() == null ? "" : r.action();
        return new AuditLine(r.occurredAt(), r.actor(),
                action.isEmpty() ? "" : Character.toUpperCase(action.charAt(0)) + action.substring(1), List.copyOf(changes));
    }

    /** "calendar_days" reads "calendar days"; ids, dates and sentences stay as they are. */
    static String readable(String value) {
        return value.matches("[a-z]+(_[a-z0-9]+)+") ? value.replace('_', ' ') : value;
    }

    static Map<String, String> values(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return values;
        }
        String trimmed = text.strip();
        if (trimmed.startsWith("{")) {
            try {
                flatten("", JSON.readTree(trimmed), values);
                return values;
            } catch (Exception e) {
                // not JSON after all
            }
        }
        if (trimmed.contains("=")) {
            String last = null;
            for (String pair : trimmed.split("; ")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).matches("[A-Za-z]+")) {
                    last = pair.substring(0, eq);
                    values.put(last, pair.substring(eq + 1).strip());
                } else if (last != null) {
                    // a value that itself contains "; " (a resolution in prose)
                    values.put(last, values.get(last) + "; " + pair);
                }
            }
            if (!values.isEmpty()) {
                return values;
            }
        }
        values.put("value", trimmed);
        return values;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> into) {
        if (node == null || node.isNull()) {
            into.put(prefix, "");
        } else if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), into);
            }
        } else if (node.isArray()) {
            boolean simple = true;
            for (JsonNode element : node) {
                simple &= element.isValueNode();
            }
            if (simple) {
                List<String> items = new ArrayList<>();
                node.forEach(element -> items.add(element.asText()));
                into.put(prefix, String.join(", ", items));
            } else {
                for (int i = 0; i < node.size(); i++) {
                    flatten(prefix + "[" + (i + 1) + "]", node.get(i), into);
                }
            }
        } else {
            into.put(prefix, node.asText());
        }
    }
}
