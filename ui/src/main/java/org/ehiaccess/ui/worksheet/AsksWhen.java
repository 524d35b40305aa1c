package org.ehiaccess.ui.worksheet;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the catalog's {@code asks_when} ({@code fact == value}, {@code fact != value}, {@code fact in [a, b]},
 * {@code fact starts_with p}) against the answers so far, in three values: the question is asked (TRUE), is not
 * (FALSE), or waits for the answer it depends on (UNKNOWN). An expression this UI cannot read is asked.
 */
final class AsksWhen {

    enum Tri {
        TRUE, FALSE, UNKNOWN
    }

    private static final Pattern EXPRESSION = Pattern.compile("^([a-z_]+\\.[a-z0-9_]+)\\s+(==|!=|in|starts_with)\\s+(.+)$");

    private AsksWhen() {
    }

    static Tri evaluate(String expression, Map<String, Object> answers) {
        if (expression == null || expression.isBlank()) {
            return Tri.TRUE;
        }
        Matcher m = EXPRESSION.matcher(expression.trim());
        if (!m.matches()) {
            return Tri.TRUE;
        }
        Object value = answers.get(m.group(1));
        if (value == null) {
            return Tri.UNKNOWN;
        }
        String operand = m.group(3).trim();
        boolean result = switch (m.group(2)) {
            case "==" -> same(value, operand);
            case "!=" -> !same(value, operand);
            case "in" -> list(operand).stream().anyMatch(item -> same(value, item));
            default -> value.toString().startsWith(operand);
        };
        return result ? Tri.TRUE : Tri.FALSE;
    }

    /** The fact an expression depends on, or null. */
    static String dependsOn(String expression) {
        if (expression == null) {
            return null;
        }
        Matcher m = EXPRESSION.matcher(expression.trim());
        return m.matches() ? m.group(1) : null;
    }

    private static boolean same(Object value, String operand) {
        if (value instanceof Collection<?> values) {
            return values.stream().anyMatch(v -> String.valueOf(v).equals(operand));
        }
        return String.valueOf(value).equals(operand);
    }

    private static List<String> list(String operand) {
        String inner = operand.startsWith("[") && operand.endsWith("]") ? operand.substring(1, operand.length() - 1) : operand;
        return Arrays.stream(inner.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
