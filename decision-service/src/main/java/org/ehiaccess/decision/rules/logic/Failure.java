package org.ehiaccess.decision.rules.logic;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Why a rule is false: the paragraph it fails, the requirement in plain words, and what the worksheet recorded.
 *
 * @param cfr              the paragraph failed, or null to use the enclosing one
 * @param requirement      what the paragraph requires, or null to use the enclosing one
 * @param detail           a computed explanation (e.g. "sent 14 business days after receipt; limit is 10"), or null
 * @param recorded         the facts behind the failure and their values, in rule order
 * @param selectorMismatch true when the failure only says "another branch was chosen" (a branch selector)
 */
public record Failure(String cfr, String requirement, String detail, Map<String, Object> recorded,
        boolean selectorMismatch) {

    public static Failure of(String fact, Object value, boolean selectorMismatch) {
        Map<String, Object> recorded = new LinkedHashMap<>(2);
        recorded.put(fact, value);
        return new Failure(null, null, null, recorded, selectorMismatch);
    }

    public static Failure explained(String detail, Map<String, Object> recorded) {
        return new Failure(null, null, detail, recorded, false);
    }

    Failure withRequirementIfAbsent(String text) {
        return requirement != null || text == null ? this
                : new Failure(cfr, text, detail, recorded, selectorMismatch);
    }

    /** Several failures below one cited paragraph become one failure of that paragraph. */
    static Failure merge(String cfr, String ownRequirement, List<Failure> parts) {
        Map<String, Object> recorded = new LinkedHashMap<>();
        Set<String> requirements = new LinkedHashSet<>();
        Set<String> details = new LinkedHashSet<>();
        boolean mismatch = false;
        for (Failure part : parts) {
            recorded.putAll(part.recorded());
            if (part.requirement() != null) {
                requirements.add(part.requirement());
            }
            if (part.detail() != null) {
                details.add(part.detail());
            }
            mismatch |= part.selectorMismatch();
        }
        String requirement = requirements.isEmpty() ? ownRequirement : String.join(" ", requirements);
        return new Failure(cfr, requirement, details.isEmpty() ? null : String.join(" ", details), recorded, mismatch);
    }
}
