package org.ehiaccess.decision.tree;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ehiaccess.decision.rules.FactDefinition;
import org.ehiaccess.decision.rules.FactType;
import org.ehiaccess.decision.rules.Ruleset;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * A guided sequence of questions (data, under {@code decision-trees/}) whose answers fill worksheet facts. The tree
 * guides a clinician; the engine still decides on the worksheet. Checked at load: every step is reachable, every
 * {@code next} exists, every fact and value is in the rule catalog, every matrix key is a shipped row.
 */
public record DecisionTree(String version, String id, String title, String intro, String start, List<Step> steps) {

    /** One question; {@code fact} is the worksheet fact its answers fill (or null). */
    public record Step(String id, String question, String cfr, String fact, List<Option> options) {
    }

    /**
     * One answer: the value it gives {@code fact}, further facts it {@code sets}, and either the {@code next} step or
     * an {@code outcome}.
     */
    public record Option(String label, Object value, Map<String, Object> sets, String next, Outcome outcome) {
        public Option {
            sets = sets == null ? Map.of() : Map.copyOf(sets);
        }
    }

    /**
     * Where the answers lead: covered_if_signed, out_of_scope, required_by_law or no_basis_fulfil; the row of the
     * Denial Reason Matrix that fits, if any.
     */
    public record Outcome(String result, String text, String cfr, String matrixKey) {
    }

    static final Set<String> RESULTS = Set.of("covered_if_signed", "out_of_scope", "required_by_law", "no_basis_fulfil");

    public static DecisionTree load(String resource, Ruleset ruleset, Set<String> matrixKeys) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        DecisionTree tree;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            tree = yaml.readValue(in, DecisionTree.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
        List<String> problems = tree.problems(ruleset, matrixKeys);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(resource + " is inconsistent: " + String.join("; ", problems));
        }
        return tree;
    }

    /** What is wrong with the tree against the catalog and the matrix; empty when it is sound. */
    List<String> problems(Ruleset ruleset, Set<String> matrixKeys) {
        List<String> problems = new ArrayList<>();
        Map<String, Step> byId = new LinkedHashMap<>();
        steps.forEach(step -> {
            if (byId.put(step.id(), step) != null) {
                problems.add("step " + step.id() + " appears twice");
            }
        });
        if (!byId.containsKey(start)) {
            problems.add("start " + start + " is not a step");
        }
        for (Step step : steps) {
            if (step.fact() != null) {
                checkFact(step.id(), step.fact(), null, ruleset, problems);
            }
            if (step.options() == null || step.options().isEmpty()) {
                problems.add("step " + step.id() + " has no options");
                continue;
            }
            for (Option option : step.options()) {
                String where = "step " + step.id() + " option '" + option.label() + "'";
                if ((option.next() == null) == (option.outcome() == null)) {
                    problems.add(where + " needs either next or outcome");
                }
                if (option.next() != null && !byId.containsKey(option.next())) {
                    problems.add(where + " leads to unknown step " + option.next());
                }
                if (option.value() != null) {
                    if (step.fact() == null) {
                        problems.add(where + " has a value but the step fills no fact");
                    } else {
                        checkFact(where, step.fact(), option.value(), ruleset, problems);
                    }
                }
                option.sets().forEach((fact, value) -> checkFact(where, fact, value, ruleset, problems));
                Outcome outcome = option.outcome();
                if (outcome != null) {
                    if (!RESULTS.contains(outcome.result())) {
                        problems.add(where + " has unknown result " + outcome.result());
                    }
                    if (outcome.matrixKey() != null && !matrixKeys.contains(outcome.matrixKey())) {
                        problems.add(where + " names unknown matrix row " + outcome.matrixKey());
                    }
                }
            }
        }
        Set<String> reached = new HashSet<>();
        Deque<String> unvisited = new ArrayDeque<>(List.of(start));
        while (!unvisited.isEmpty()) {
            String id = unvisited.pop();
            Step step = byId.get(id);
            if (step != null && reached.add(id)) {
                step.options().stream().map(Option::next).filter(n -> n != null).forEach(unvisited::push);
            }
        }
        byId.keySet().stream().filter(id -> !reached.contains(id)).forEach(id -> problems.add("step " + id + " is unreachable"));
        return problems;
    }

    private static void checkFact(String where, String factId, Object value, Ruleset ruleset, List<String> problems) {
        FactDefinition fact = ruleset.fact(factId);
        if (fact == null) {
            problems.add(where + ": unknown fact " + factId);
            return;
        }
        if (value == null) {
            return;
        }
        if (fact.type() == FactType.BOOL && !(value instanceof Boolean)) {
            problems.add(where + ": " + factId + " takes true or false");
        } else if (fact.type() != FactType.BOOL && fact.values() != null && !fact.values().isEmpty()
                && !fact.values().contains(String.valueOf(value))) {
            problems.add(where + ": " + value + " is not a value of " + factId);
        }
    }
}
