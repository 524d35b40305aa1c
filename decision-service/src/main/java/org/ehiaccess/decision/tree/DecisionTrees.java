package org.ehiaccess.decision.tree;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ehiaccess.decision.engine.DecisionEngine;
import org.ehiaccess.decision.matrix.DenialReason;
import org.ehiaccess.decision.matrix.DenialReasonService;

import io.quarkus.runtime.Startup;

/** The decision trees shipped with the service, checked against the rule catalog and the default matrix at start-up. */
@Startup
@ApplicationScoped
public class DecisionTrees {

    static final String PREVENTING_HARM = "preventing-harm";

    private final Map<String, DecisionTree> trees;

    @Inject
    public DecisionTrees(DecisionEngine engine, DenialReasonService matrix) {
        Set<String> keys = matrix.defaults().rows().stream().map(DenialReason::key).collect(Collectors.toSet());
        this.trees = Map.of(PREVENTING_HARM,
                DecisionTree.load("decision-trees/preventing-harm.yaml", engine.catalog().current(), keys));
    }

    public Optional<DecisionTree> get(String id) {
        return Optional.ofNullable(trees.get(id));
    }
}
