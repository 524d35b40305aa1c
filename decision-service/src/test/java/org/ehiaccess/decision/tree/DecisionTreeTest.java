package org.ehiaccess.decision.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.ehiaccess.decision.matrix.DefaultMatrix;
import org.ehiaccess.decision.matrix.DenialReason;
import org.ehiaccess.decision.rules.RuleCatalog;
import org.ehiaccess.decision.rules.Ruleset;
import org.junit.jupiter.api.Test;

/** The shipped tree is sound against the catalog and the matrix; an unsound one is refused with every problem named. */
class DecisionTreeTest {

    static final Ruleset RULES = RuleCatalog.load().current();
    static final Set<String> KEYS = DefaultMatrix.load().rows().stream().map(DenialReason::key).collect(Collectors.toSet());

    @Test
    void theShippedPreventingHarmTreeIsSound() {
        DecisionTree tree = DecisionTree.load("decision-trees/preventing-harm.yaml", RULES, KEYS);
        assertEquals("not_ehi", tree.start());
        assertEquals(List.of(), tree.problems(RULES, KEYS));
    }

    @Test
    void danglingStepsUnknownFactsAndValuesAreNamed() {
        DecisionTree.Outcome end = new DecisionTree.Outcome("maybe", "x", "171.201", "no_such_row");
        DecisionTree tree = new DecisionTree("v", "t", "T", "", "a", List.of(
                new DecisionTree.Step("a", "?", "171.201", "harm.harm_type", List.of(
                        new DecisionTree.Option("one", "sadness", null, "nowhere", null),
                        new DecisionTree.Option("two", "substantial_harm", Map.of("harm.colour", "red"), null, end))),
                new DecisionTree.Step("island", "?", null, null, List.of(
                        new DecisionTree.Option("x", null, null, "a", null)))));
        List<String> problems = tree.problems(RULES, KEYS);
        assertTrue(problems.contains("step a option 'one' leads to unknown step nowhere"), problems.toString());
        assertTrue(problems.contains("step a option 'one': sadness is not a value of harm.harm_type"), problems.toString());
        assertTrue(problems.contains("step a option 'two': unknown fact harm.colour"), problems.toString());
        assertTrue(problems.contains("step a option 'two' has unknown result maybe"), problems.toString());
        assertTrue(problems.contains("step a option 'two' names unknown matrix row no_such_row"), problems.toString());
        assertTrue(problems.contains("step island is unreachable"), problems.toString());
    }
}
