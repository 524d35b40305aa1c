package org.ehiaccess.decision.rules;

import static org.ehiaccess.decision.rules.RuleParser.error;
import static org.ehiaccess.decision.rules.RuleParser.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ehiaccess.decision.rules.logic.Expr;
import org.ehiaccess.decision.rules.logic.TimelyNotice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Builds the {@link RuleCatalog} from {@code rules/catalog.yaml} and the per-section files it lists, and checks
 * that the pieces fit together (every condition, exception, fact and value referred to exists).
 */
final class CatalogLoader {

    private static final String ROOT = "rules/";
    private static final YAMLMapper YAML_VALUES = new YAMLMapper();
    private final YAMLMapper yaml = YAML_VALUES;

    RuleCatalog load() {
        JsonNode index = read("catalog.yaml");
        Map<String, Ruleset> rulesets = new LinkedHashMap<>();
        for (JsonNode node : index.get("rulesets")) {
            String id = node.get("id").asText();
            String basedOn = text(node, "based_on");
            Ruleset ruleset = basedOn == null
                    ? buildBase(index, node)
                    : derive(rulesets.get(basedOn), node, index);
            rulesets.put(id, ruleset);
        }
        return new RuleCatalog(index.get("catalog_version").asText(), rulesets);
    }

    private Ruleset buildBase(JsonNode index, JsonNode rulesetNode) {
        List<JsonNode> files = new ArrayList<>();
        for (JsonNode file : rulesetNode.get("files")) {
            files.add(read(file.asText()));
        }
        Map<String, List<String>> lists = new LinkedHashMap<>();
        index.path("lists").fields().forEachRemaining(e -> lists.put(e.getKey(), strings(e.getValue())));
        Set<String> selectors = new LinkedHashSet<>(strings(index.get("branch_selectors")));
        Map<String, Deadline> deadlines = deadlines(index.get("deadlines"));

        Map<String, FactDefinition> facts = new LinkedHashMap<>();
        List<JsonNode> factNodes = new ArrayList<>();
        for (JsonNode file : files) {
            file.path("facts").forEach(factNodes::add);
        }
        factNodes.forEach(node -> putUnique(facts, node.get("id").asText(), factWithoutAsksWhen(node), "fact"));
        RuleParser parser = new RuleParser(facts, lists, selectors, deadlines);
        for (JsonNode node : factNodes) {
            FactDefinition fact = facts.get(node.get("id").asText());
            Expr asksWhen = parser.parseAsksWhen(fact.asksWhenText(), "fact " + fact.id());
            facts.put(fact.id(), new FactDefinition(fact.id(), fact.type(), fact.values(), fact.cfr(),
                    fact.question(), fact.asksWhenText(), asksWhen, fact.derived(), fact.derivedFrom(), fact.rule(),
                    fact.defaultValue(), fact.defaultText(), fact.note()));
        }
        selectors.forEach(id -> requireFact(facts, id, "branch_selectors"));

        Map<String, Condition> conditions = new LinkedHashMap<>();
        Map<String, ExceptionDefinition> exceptions = new LinkedHashMap<>();
        List<HipaaCheck> checks = new ArrayList<>();
        for (JsonNode file : files) {
            file.path("conditions").forEach(node -> {
                Condition condition = condition(node, parser);
                putUnique(conditions, condition.id(), condition, "condition");
            });
            file.path("exceptions").forEach(node -> {
                ExceptionDefinition exception = exception(node);
                putUnique(exceptions, exception.id(), exception, "exception");
            });
            file.path("hipaa_checks").forEach(node -> checks.add(hipaaCheck(node, parser)));
        }
        checkRequirements(conditions, exceptions);
        parser.referencedExceptions().forEach(id -> {
            if (!exceptions.containsKey(id)) {
                throw error("rules", "unknown exception " + id);
            }
        });
        List<TimelyNotice> notices = parser.notices();
        if (notices.size() != 1) {
            throw error("rules", "expected exactly one timely_notice rule (171.204(b)), found " + notices.size());
        }
        Set<String> motives = new LinkedHashSet<>(lists.getOrDefault("disqualifying_motives", List.of()));
        Ruleset base = new Ruleset(rulesetNode.get("id").asText(), text(rulesetNode, "title"),
                date(text(rulesetNode, "effective")), rulesetNode.path("enabled").asBoolean(true),
                text(rulesetNode, "warning"), Collections.unmodifiableMap(facts),
                Collections.unmodifiableMap(conditions), Collections.unmodifiableMap(exceptions), Map.of(), Map.of(),
                practiceImplies(index.path("practice_implies"), facts), deadlines, List.copyOf(checks),
                Set.copyOf(selectors), Set.copyOf(motives), rightOfAccessRequesters(lists, facts), notices.get(0));
        return withCandidates(base, index);
    }

    /** A ruleset that drops paragraphs or whole sections of its base (HTI5_FINAL drops IN-a3 and 171.403). */
    private Ruleset derive(Ruleset base, JsonNode node, JsonNode index) {
        if (base == null) {
            throw error("catalog.yaml", "based_on must name an earlier ruleset");
        }
        Set<String> drops = new LinkedHashSet<>(strings(node.path("drops")));
        Map<String, ExceptionDefinition> exceptions = new LinkedHashMap<>();
        base.exceptions().forEach((id, exception) -> {
            if (!drops.contains(id)) {
                exceptions.put(id, new ExceptionDefinition(id, exception.name(), exception.cfr(),
                        exception.requires().without(drops), exception.documentation(), exception.hti5()));
            }
        });
        Map<String, Condition> conditions = new LinkedHashMap<>();
        base.conditions().forEach((id, condition) -> {
            if (!drops.contains(id) && (condition.exceptionId() == null || exceptions.containsKey(condition.exceptionId()))) {
                conditions.put(id, condition);
            }
        });
        Ruleset derived = new Ruleset(node.get("id").asText(), text(node, "title"), date(text(node, "effective")),
                node.path("enabled").asBoolean(false), text(node, "warning"), base.facts(),
                Collections.unmodifiableMap(conditions), Collections.unmodifiableMap(exceptions), Map.of(), Map.of(),
                base.practiceImplies(), base.deadlines(), base.hipaaChecks(), base.branchSelectors(),
                base.disqualifyingMotives(), base.rightOfAccessRequesters(), base.writtenNotice());
        return withCandidates(derived, index);
    }

    private Ruleset withCandidates(Ruleset ruleset, JsonNode index) {
        Map<String, Candidate> claimed = new LinkedHashMap<>();
        index.get("claimed_basis").fields().forEachRemaining(entry -> {
            Candidate candidate = candidate(ruleset, entry.getValue(), "claimed_basis." + entry.getKey());
            if (candidate != null) {
                claimed.put(entry.getKey(), candidate);
            }
        });
        Map<String, List<Candidate>> byPractice = new LinkedHashMap<>();
        index.get("candidates").fields().forEachRemaining(entry -> {
            List<Candidate> list = new ArrayList<>();
            entry.getValue().forEach(node -> {
                Candidate candidate = candidate(ruleset, node, "candidates." + entry.getKey());
                if (candidate != null) {
                    list.add(candidate);
                }
            });
            byPractice.put(entry.getKey(), List.copyOf(list));
        });
        return new Ruleset(ruleset.id(), ruleset.title(), ruleset.effective(), ruleset.enabledByDefault(),
                ruleset.warning(), ruleset.facts(), ruleset.conditions(), ruleset.exceptions(),
                Collections.unmodifiableMap(claimed), Collections.unmodifiableMap(byPractice),
                ruleset.practiceImplies(), ruleset.deadlines(), ruleset.hipaaChecks(), ruleset.branchSelectors(),
                ruleset.disqualifyingMotives(), ruleset.rightOfAccessRequesters(), ruleset.writtenNotice());
    }

    /** Null when the ruleset has dropped the exception (it is then no candidate and cannot be claimed). */
    private static Candidate candidate(Ruleset ruleset, JsonNode node, String where) {
        String id = node.get("exception").asText();
        ExceptionDefinition exception = ruleset.exceptions().get(id);
        if (exception == null) {
            return null;
        }
        Set<String> branches = new LinkedHashSet<>(strings(node.path("branches")));
        for (String branch : branches) {
            if (!exception.requires().conditionIds().contains(branch)) {
                throw error(where, branch + " is not a condition of " + id);
            }
        }
        Map<String, Object> selects = new LinkedHashMap<>();
        node.path("selects").fields().forEachRemaining(fact -> {
            if (!ruleset.branchSelectors().contains(fact.getKey())) {
                throw error(where, fact.getKey() + " is not a branch selector");
            }
            FactDefinition definition = requireFact(ruleset.facts(), fact.getKey(), where);
            FactType.Reading reading = definition.type().read(
                    YAML_VALUES.convertValue(fact.getValue(), Object.class), definition.values());
            if (!reading.ok()) {
                throw error(where, fact.getKey() + " " + reading.problem());
            }
            selects.put(fact.getKey(), reading.value());
        });
        return Candidate.of(exception, branches, selects);
    }

    private FactDefinition factWithoutAsksWhen(JsonNode node) {
        String id = node.get("id").asText();
        if (!id.matches("[a-z]+\\.[a-z0-9_]+")) {
            throw error("fact " + id, "fact ids are namespace.snake_case");
        }
        FactType type = FactType.fromCatalog(node.get("type").asText());
        List<String> values = strings(node.path("values"));
        if ((type == FactType.ENUM || type == FactType.ENUM_SET) && values.isEmpty()) {
            throw error("fact " + id, "an enum needs values");
        }
        boolean derived = node.path("derived").asBoolean(false);
        String question = text(node, "question");
        if (!derived && question == null) {
            throw error("fact " + id, "every asked fact needs a question");
        }
        Object defaultValue = null;
        String defaultText = null;
        JsonNode defaultNode = node.get("default");
        if (defaultNode != null) {
            defaultText = defaultNode.isArray() ? defaultNode.toString() : defaultNode.asText();
            if (!(type == FactType.DATE && "today".equals(defaultText))) {
                Object raw = yaml.convertValue(defaultNode, Object.class);
                FactType.Reading reading = type.read(raw, values);
                if (!reading.ok()) {
                    throw error("fact " + id, "default " + reading.problem());
                }
                defaultValue = reading.value();
            }
        }
        return new FactDefinition(id, type, values, text(node, "cfr"), question, text(node, "asks_when"), null,
                derived, strings(node.path("derived_from")), text(node, "rule"), defaultValue, defaultText,
                text(node, "note"));
    }

    private static Condition condition(JsonNode node, RuleParser parser) {
        String id = node.get("id").asText();
        String where = "condition " + id;
        String mark = node.path("mark").asText();
        if (!List.of("V", "S", "U").contains(mark)) {
            throw error(where, "mark must be V, S or U");
        }
        Expr rule = parser.parse(node.get("rule"), where);
        Set<String> read = new LinkedHashSet<>();
        rule.collectFacts(read);
        return new Condition(id, text(node, "exception"), require(node, "cfr", where), mark,
                date(require(node, "effective", where)), require(node, "title", where),
                require(node, "requirement", where), text(node, "asks_when"),
                parser.parseAsksWhen(text(node, "asks_when"), where), rule, List.copyOf(read),
                strings(node.path("documentation")), text(node, "hti5"), earlier(node, parser, where));
    }

    /**
     * {@code earlier: not_in_force} (a new paragraph), or {@code earlier: {effective, rule, requirement}} (the text in
     * force before {@code effective}); absent when the catalog does not hold the earlier text.
     */
    private static Condition.Earlier earlier(JsonNode node, RuleParser parser, String where) {
        JsonNode earlier = node.get("earlier");
        if (earlier == null || earlier.isNull()) {
            return null;
        }
        if (earlier.isTextual()) {
            if (!"not_in_force".equals(earlier.asText())) {
                throw error(where, "earlier must be not_in_force or {effective, rule, requirement}");
            }
            return Condition.Earlier.NOT_IN_FORCE;
        }
        LocalDate from = date(require(earlier, "effective", where + " earlier"));
        if (!from.isBefore(date(require(node, "effective", where)))) {
            throw error(where, "earlier.effective must be before effective");
        }
        return new Condition.Earlier(from, parser.parse(earlier.get("rule"), where + " earlier"),
                require(earlier, "requirement", where + " earlier"));
    }

    private static ExceptionDefinition exception(JsonNode node) {
        String id = node.get("id").asText();
        return new ExceptionDefinition(id, require(node, "name", "exception " + id), require(node, "cfr", "exception " + id),
                requirement(node.get("requires"), "exception " + id), strings(node.path("documentation")),
                text(node, "hti5"));
    }

    private static Requirement requirement(JsonNode node, String where) {
        if (node == null) {
            throw error(where, "requires is missing");
        }
        if (node.isTextual()) {
            return new Requirement.Met(node.asText());
        }
        JsonNode list = node.has("all") ? node.get("all") : node.get("any");
        if (list == null || !list.isArray()) {
            throw error(where, "requires needs a condition id, all: or any:");
        }
        List<Requirement> parts = new ArrayList<>();
        list.forEach(item -> parts.add(requirement(item, where)));
        return node.has("all") ? new Requirement.All(parts) : new Requirement.Any(parts);
    }

    private static void checkRequirements(Map<String, Condition> conditions, Map<String, ExceptionDefinition> exceptions) {
        for (ExceptionDefinition exception : exceptions.values()) {
            for (String conditionId : exception.requires().conditionIds()) {
                Condition condition = conditions.get(conditionId);
                if (condition == null || !exception.id().equals(condition.exceptionId())) {
                    throw error("exception " + exception.id(), conditionId + " is not one of its conditions");
                }
            }
        }
        for (Condition condition : conditions.values()) {
            if (condition.exceptionId() != null && !exceptions.containsKey(condition.exceptionId())) {
                throw error("condition " + condition.id(), "unknown exception " + condition.exceptionId());
            }
        }
    }

    private static HipaaCheck hipaaCheck(JsonNode node, RuleParser parser) {
        String id = node.get("id").asText();
        String where = "hipaa check " + id;
        Expr appliesWhen = node.has("applies_when") ? parser.parse(node.get("applies_when"), where) : null;
        return new HipaaCheck(id, require(node, "cfr", where), require(node, "mark", where),
                date(require(node, "effective", where)), appliesWhen, parser.parse(node.get("rule"), where),
                require(node, "issue", where));
    }

    /** The list {@code right_of_access_requesters}: each a value of {@code request.requester_type}. */
    private static Set<String> rightOfAccessRequesters(Map<String, List<String>> lists,
            Map<String, FactDefinition> facts) {
        List<String> requesters = lists.get("right_of_access_requesters");
        if (requesters == null || requesters.isEmpty()) {
            throw error("lists", "right_of_access_requesters is missing (164.524)");
        }
        List<String> known = requireFact(facts, "request.requester_type", "lists").values();
        requesters.stream().filter(r -> !known.contains(r)).findFirst().ifPresent(r -> {
            throw error("lists", "right_of_access_requesters names " + r + ", not a request.requester_type value");
        });
        return Set.copyOf(requesters);
    }

    private static Map<String, Deadline> deadlines(JsonNode node) {
        Map<String, Deadline> deadlines = new LinkedHashMap<>();
        node.fields().forEachRemaining(entry -> {
            JsonNode d = entry.getValue();
            deadlines.put(entry.getKey(), new Deadline(entry.getKey(), require(d, "cfr", "deadline " + entry.getKey()),
                    integer(d, "business_days"), integer(d, "calendar_days"), integer(d, "extension_calendar_days")));
        });
        return Collections.unmodifiableMap(deadlines);
    }

    private static Map<String, Map<String, Object>> practiceImplies(JsonNode node, Map<String, FactDefinition> facts) {
        Map<String, Map<String, Object>> implied = new LinkedHashMap<>();
        node.fields().forEachRemaining(entry -> {
            Map<String, Object> values = new LinkedHashMap<>();
            entry.getValue().fields().forEachRemaining(fact -> {
                FactDefinition definition = requireFact(facts, fact.getKey(), "practice_implies");
                FactType.Reading reading = definition.type().read(
                        YAML_VALUES.convertValue(fact.getValue(), Object.class), definition.values());
                if (!reading.ok()) {
                    throw error("practice_implies." + entry.getKey(), fact.getKey() + " " + reading.problem());
                }
                values.put(fact.getKey(), reading.value());
            });
            implied.put(entry.getKey(), Map.copyOf(values));
        });
        return Collections.unmodifiableMap(implied);
    }

    private static FactDefinition requireFact(Map<String, FactDefinition> facts, String id, String where) {
        FactDefinition fact = facts.get(id);
        if (fact == null) {
            throw error(where, "unknown fact " + id);
        }
        return fact;
    }

    private static <T> void putUnique(Map<String, T> into, String id, T value, String kind) {
        if (into.put(id, value) != null) {
            throw error(kind + " " + id, "defined twice");
        }
    }

    private static String require(JsonNode node, String field, String where) {
        String value = text(node, field);
        if (value == null || value.isBlank()) {
            throw error(where, field + " is missing");
        }
        return value;
    }

    private static Integer integer(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asInt() : null;
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }

    private static List<String> strings(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        node.forEach(item -> values.add(item.asText()));
        return List.copyOf(values);
    }

    private JsonNode read(String file) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = CatalogLoader.class.getClassLoader();
        }
        try (InputStream in = loader.getResourceAsStream(ROOT + file)) {
            if (in == null) {
                throw new IllegalStateException("Rule catalog file " + ROOT + file + " is missing");
            }
            return yaml.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read rule catalog file " + ROOT + file, e);
        }
    }
}
