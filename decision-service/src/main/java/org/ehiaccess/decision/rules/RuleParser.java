package org.ehiaccess.decision.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ehiaccess.decision.rules.logic.AllOf;
import org.ehiaccess.decision.rules.logic.AnyOf;
import org.ehiaccess.decision.rules.logic.Cited;
import org.ehiaccess.decision.rules.logic.ExceptionRef;
import org.ehiaccess.decision.rules.logic.Expr;
import org.ehiaccess.decision.rules.logic.FactTest;
import org.ehiaccess.decision.rules.logic.FactTest.Op;
import org.ehiaccess.decision.rules.logic.Implies;
import org.ehiaccess.decision.rules.logic.Switch;
import org.ehiaccess.decision.rules.logic.TimelyNotice;
import org.ehiaccess.decision.rules.logic.WhenAnswered;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the catalog's rule notation (a YAML map per rule: {@code {true: fact}}, {@code {fact: f, in: [...]}},
 * {@code {all: [...]}}, {@code {switch: f, cases: {...}}}, ...) and the {@code asks_when} expressions, and checks
 * every fact, value and type against the vocabulary: a typo in the law's data fails at start-up, not in a verdict.
 */
final class RuleParser {

    private static final Pattern ASKS_WHEN = Pattern.compile("^([a-z0-9_]+\\.[a-z0-9_]+)\\s+(==|!=|in|starts_with)\\s+(.+)$");
    private static final List<Op> UNARY = List.of(Op.TRUE, Op.FALSE, Op.NOT_FALSE, Op.PRESENT);
    private static final List<Op> BINARY = List.of(Op.IS, Op.IS_NOT, Op.IN, Op.AT_MOST, Op.AT_LEAST, Op.EMPTY,
            Op.NONE_OF, Op.EXCLUDES, Op.STARTS_WITH);

    private final Map<String, FactDefinition> facts;
    private final Map<String, List<String>> lists;
    private final Set<String> selectors;
    private final Map<String, Deadline> deadlines;
    private final List<TimelyNotice> notices = new ArrayList<>();
    private final Set<String> referencedExceptions = new LinkedHashSet<>();

    RuleParser(Map<String, FactDefinition> facts, Map<String, List<String>> lists, Set<String> selectors,
            Map<String, Deadline> deadlines) {
        this.facts = facts;
        this.lists = lists;
        this.selectors = selectors;
        this.deadlines = deadlines;
    }

    List<TimelyNotice> notices() {
        return notices;
    }

    Set<String> referencedExceptions() {
        return referencedExceptions;
    }

    Expr parse(JsonNode node, String where) {
        if (node == null || !node.isObject()) {
            throw error(where, "a rule must be a map");
        }
        Expr rule = parseCore(node, where);
        String cfr = text(node, "cfr");
        String requirement = text(node, "requirement");
        return cfr == null && requirement == null ? rule : new Cited(rule, cfr, requirement);
    }

    private Expr parseCore(JsonNode node, String where) {
        if (node.has("all")) {
            return new AllOf(parseList(node.get("all"), where));
        }
        if (node.has("any")) {
            return new AnyOf(parseList(node.get("any"), where));
        }
        if (node.has("if")) {
            return new Implies(parse(node.get("if"), where), parse(node.get("then"), where));
        }
        if (node.has("switch")) {
            return parseSwitch(node, where);
        }
        if (node.has("exception")) {
            referencedExceptions.add(node.get("exception").asText());
            return new ExceptionRef(node.get("exception").asText());
        }
        if (node.has("when_answered")) {
            String namespace = node.get("when_answered").asText();
            if (facts.keySet().stream().noneMatch(id -> id.startsWith(namespace + "."))) {
                throw error(where, "no facts in namespace " + namespace);
            }
            return new WhenAnswered(namespace, parse(node.get("then"), where));
        }
        if (node.has("timely_notice")) {
            return parseNotice(node.get("timely_notice"), where);
        }
        if (node.has("fact")) {
            String fact = node.get("fact").asText();
            for (Op op : BINARY) {
                if (node.has(op.yamlKey)) {
                    return test(fact, op, operand(op, node.get(op.yamlKey), where), where);
                }
            }
            throw error(where, "no test given for fact " + fact);
        }
        for (Op op : UNARY) {
            if (node.has(op.yamlKey)) {
                return test(node.get(op.yamlKey).asText(), op, null, where);
            }
        }
        throw error(where, "unknown rule " + node);
    }

    private List<Expr> parseList(JsonNode items, String where) {
        if (items == null || !items.isArray() || items.isEmpty()) {
            throw error(where, "all/any need a non-empty list");
        }
        List<Expr> parsed = new ArrayList<>();
        items.forEach(item -> parsed.add(parse(item, where)));
        return parsed;
    }

    private Expr parseSwitch(JsonNode node, String where) {
        String fact = node.get("switch").asText();
        FactDefinition definition = fact(fact, where);
        Map<String, Expr> cases = new LinkedHashMap<>();
        node.get("cases").fields().forEachRemaining(entry -> {
            if (!definition.values().contains(entry.getKey())) {
                throw error(where, entry.getKey() + " is not a value of " + fact);
            }
            cases.put(entry.getKey(), parse(entry.getValue(), where));
        });
        return new Switch(fact, cases);
    }

    private Expr parseNotice(JsonNode node, String where) {
        Deadline deadline = deadlines.get(node.path("deadline").asText());
        if (deadline == null || deadline.businessDays() == null) {
            throw error(where, "timely_notice needs a deadline counted in business days");
        }
        String sent = checked(node, "sent", FactType.BOOL, where);
        String reasons = checked(node, "states_reasons", FactType.BOOL, where);
        String elapsed = checked(node, "elapsed_business_days", FactType.INT, where);
        String due = checked(node, "due_date", FactType.DATE, where);
        TimelyNotice notice = new TimelyNotice(deadline.id(), deadline.businessDays(), sent, reasons, elapsed, due);
        notices.add(notice);
        return notice;
    }

    private String checked(JsonNode node, String field, FactType type, String where) {
        String fact = node.path(field).asText();
        if (fact(fact, where).type() != type) {
            throw error(where, field + " must be a " + type.catalogName + " fact");
        }
        return fact;
    }

    private Object operand(Op op, JsonNode value, String where) {
        switch (op) {
            case IN:
                return strings(value, where);
            case NONE_OF:
                if (value.isTextual()) {
                    List<String> named = lists.get(value.asText());
                    if (named == null) {
                        throw error(where, "no list named " + value.asText());
                    }
                    return named;
                }
                return strings(value, where);
            case AT_MOST:
            case AT_LEAST:
                if (!value.canConvertToInt()) {
                    throw error(where, op.yamlKey + " needs a whole number");
                }
                return value.asInt();
            case EMPTY:
                if (!value.asBoolean()) {
                    throw error(where, "empty takes true");
                }
                return null;
            default:
                return value.asText();
        }
    }

    private static List<String> strings(JsonNode value, String where) {
        if (!value.isArray()) {
            throw error(where, "expected a list of values, got " + value);
        }
        List<String> items = new ArrayList<>();
        value.forEach(item -> items.add(item.asText()));
        return List.copyOf(items);
    }

    /** Builds a fact test after checking that the test fits the fact's type and its values exist. */
    FactTest test(String fact, Op op, Object operand, String where) {
        FactDefinition definition = fact(fact, where);
        FactType type = definition.type();
        boolean fits;
        switch (op) {
            case TRUE:
            case FALSE:
            case NOT_FALSE:
                fits = type == FactType.BOOL;
                break;
            case PRESENT:
                fits = true;
                break;
            case IS:
            case IS_NOT:
            case STARTS_WITH:
                fits = type == FactType.ENUM && definition.values().stream().anyMatch(v -> op == Op.STARTS_WITH
                        ? v.startsWith(operand.toString()) : v.equals(operand));
                break;
            case IN:
                fits = type == FactType.ENUM && definition.values().containsAll((List<?>) operand);
                break;
            case AT_MOST:
            case AT_LEAST:
                fits = type == FactType.INT;
                break;
            case EMPTY:
                fits = type == FactType.ENUM_SET;
                break;
            case NONE_OF:
                fits = type == FactType.ENUM_SET && definition.values().containsAll((List<?>) operand);
                break;
            case EXCLUDES:
                fits = type == FactType.ENUM_SET && definition.values().contains(operand);
                break;
            default:
                fits = false;
        }
        if (!fits) {
            throw error(where, "test '" + op.yamlKey + " " + (operand == null ? "" : operand)
                    + "' does not fit " + fact + " (" + type.catalogName + " " + definition.values() + ")");
        }
        return new FactTest(fact, op, operand, selectors.contains(fact));
    }

    /** Reads {@code fact == value}, {@code fact != value}, {@code fact in [a, b]} or {@code fact starts_with p}. */
    Expr parseAsksWhen(String text, String where) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Matcher matcher = ASKS_WHEN.matcher(text.trim());
        if (!matcher.matches()) {
            throw error(where, "cannot read asks_when '" + text + "'");
        }
        String fact = matcher.group(1);
        String operator = matcher.group(2);
        String value = matcher.group(3).trim();
        FactType type = fact(fact, where).type();
        switch (operator) {
            case "in":
                return test(fact, Op.IN, listLiteral(value, where), where);
            case "starts_with":
                return test(fact, Op.STARTS_WITH, value, where);
            case "==":
                if (type == FactType.BOOL) {
                    return test(fact, Boolean.parseBoolean(value) ? Op.TRUE : Op.FALSE, null, where);
                }
                return test(fact, Op.IS, value, where);
            default:
                if (type == FactType.BOOL) {
                    return test(fact, Boolean.parseBoolean(value) ? Op.FALSE : Op.TRUE, null, where);
                }
                return test(fact, Op.IS_NOT, value, where);
        }
    }

    private static List<String> listLiteral(String value, String where) {
        if (!value.startsWith("[") || !value.endsWith("]")) {
            throw error(where, "expected [a, b] in asks_when, got " + value);
        }
        List<String> items = new ArrayList<>();
        for (String item : value.substring(1, value.length() - 1).split(",")) {
            items.add(item.trim());
        }
        return List.copyOf(items);
    }

    private FactDefinition fact(String id, String where) {
        FactDefinition definition = facts.get(id);
        if (definition == null) {
            throw error(where, "unknown fact " + id);
        }
        return definition;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    static IllegalStateException error(String where, String message) {
        return new IllegalStateException("Rule catalog, " + where + ": " + message);
    }
}
