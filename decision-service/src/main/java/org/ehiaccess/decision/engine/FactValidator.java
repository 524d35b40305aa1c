package org.ehiaccess.decision.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

import org.ehiaccess.decision.rules.FactDefinition;
import org.ehiaccess.decision.rules.RuleCatalog;
import org.ehiaccess.decision.rules.Ruleset;

/**
 * Checks a case against the vocabulary before anything is judged: every unknown fact ID, wrong type, value outside
 * its enum, malformed date, or unknown practice type, claimed basis or motive is reported, all at once. Nothing is
 * defaulted silently: a null or absent fact is simply unknown.
 */
public final class FactValidator {

    /** The body fields of {@code practice}, and the facts they stand for. */
    private static final Map<String, String> PRACTICE_FIELDS = Map.of(
            "type", "practice.type", "claimed_basis", "practice.claimed_basis", "motive", "practice.motive");
    private static final String RULESET_FACT = "ruleset.version";

    /** The validated case, or the errors (then {@code input} is null). */
    public record Result(CaseInput input, List<InputError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private final RuleCatalog catalog;
    private final Predicate<String> rulesetEnabled;

    public FactValidator(RuleCatalog catalog, Predicate<String> rulesetEnabled) {
        this.catalog = catalog;
        this.rulesetEnabled = rulesetEnabled;
    }

    /** @param practice the {@code practice} object of the body; @param facts the {@code facts} object (either may be null) */
    public Result validate(Object practice, Object facts) {
        List<InputError> errors = new ArrayList<>();
        Map<String, Object> typed = new LinkedHashMap<>();
        Ruleset vocabulary = catalog.current();
        Map<?, ?> factMap = object(facts, "facts", errors);
        Map<?, ?> practiceMap = object(practice, "practice", errors);

        if (practiceMap != null) {
            practiceMap.forEach((key, raw) -> {
                String factId = PRACTICE_FIELDS.get(String.valueOf(key));
                if (factId == null) {
                    errors.add(new InputError("practice." + key, "is not a known field; use type, claimed_basis and motive"));
                } else if (raw != null) {
                    read(vocabulary.fact(factId), raw, "practice." + key, typed, errors);
                }
            });
        }
        if (factMap != null) {
            factMap.forEach((key, raw) -> {
                String field = "facts." + key;
                FactDefinition fact = vocabulary.fact(String.valueOf(key));
                if (fact == null) {
                    errors.add(new InputError(field, "is not a known fact ID"));
                } else if (raw != null) {
                    Object before = typed.get(fact.id());
                    if (before != null) {
                        checkSame(fact, raw, before, field, errors);
                    } else {
                        read(fact, raw, field, typed, errors);
                    }
                }
            });
        }
        if (!typed.containsKey("practice.type") && errors.stream().noneMatch(e -> e.field().equals("practice.type"))) {
            errors.add(new InputError("practice.type", "is required: what the clinic does with the request"));
        }
        String rulesetId = (String) typed.getOrDefault(RULESET_FACT, RuleCatalog.CURRENT);
        Ruleset ruleset = catalog.ruleset(rulesetId).orElse(vocabulary);
        if (!rulesetEnabled.test(rulesetId)) {
            errors.add(new InputError("facts." + RULESET_FACT, rulesetId
                    + " is not enabled: its final text is not verified. Use " + RuleCatalog.CURRENT + "."));
        }
        Object claimed = typed.get("practice.claimed_basis");
        if (claimed != null && !"none".equals(claimed) && !"required_by_law".equals(claimed)
                && !ruleset.claimedBasis().containsKey(claimed)) {
            errors.add(new InputError("practice.claimed_basis", claimed + " names an exception that ruleset "
                    + rulesetId + " does not have"));
        }
        return errors.isEmpty()
                ? new Result(new CaseInput(rulesetId, typed), List.of())
                : new Result(null, List.copyOf(errors));
    }

    private static Map<?, ?> object(Object raw, String field, List<InputError> errors) {
        if (raw == null) {
            return null;
        }
        if (raw instanceof Map<?, ?> map) {
            return map;
        }
        errors.add(new InputError(field, "must be an object"));
        return null;
    }

    private static void read(FactDefinition fact, Object raw, String field, Map<String, Object> into,
            List<InputError> errors) {
        var reading = fact.type().read(raw, fact.values());
        if (reading.ok()) {
            into.put(fact.id(), reading.value());
        } else {
            errors.add(new InputError(field, reading.problem()));
        }
    }

    /** A practice field repeated among the facts must say the same. */
    private static void checkSame(FactDefinition fact, Object raw, Object before, String field, List<InputError> errors) {
        var reading = fact.type().read(raw, fact.values());
        if (!reading.ok()) {
            errors.add(new InputError(field, reading.problem()));
        } else if (!Objects.equals(reading.value(), before)
                && !(before instanceof Set<?> a && reading.value() instanceof Set<?> b && a.equals(b))) {
            errors.add(new InputError(field, "contradicts the practice object"));
        }
    }
}
