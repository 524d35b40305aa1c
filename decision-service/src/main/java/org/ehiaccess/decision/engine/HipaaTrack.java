package org.ehiaccess.decision.engine;

import java.util.ArrayList;
import java.util.List;

import org.ehiaccess.decision.rules.HipaaCheck;
import org.ehiaccess.decision.rules.logic.DeadlineStatus;
import org.ehiaccess.decision.rules.logic.Outcome;

/**
 * The HIPAA right-of-access track (164.524), run beside Part 171 whenever the individual, a personal representative
 * or a patient-directed app asks. A definite issue makes it noncompliant; otherwise an open question makes it
 * needs_more_facts.
 */
final class HipaaTrack {

    private HipaaTrack() {
    }

    static HipaaStatus assess(CaseFacts facts) {
        Object applies = facts.value("hipaa.applies");
        if (Boolean.FALSE.equals(applies)) {
            return new HipaaStatus(HipaaStatus.Status.NOT_APPLICABLE, List.of());
        }
        if (applies == null) {
            return new HipaaStatus(HipaaStatus.Status.NEEDS_MORE_FACTS, List.of(
                    "164.524: whether the right of access applies depends on " + String.join(", ", facts.toAsk("hipaa.applies"))));
        }
        List<String> issues = new ArrayList<>();
        List<String> questions = new ArrayList<>();
        HipaaActionClock.Reading clock = HipaaActionClock.read(facts);
        String timelinessCfr = HipaaActionClock.cfr(facts);
        if (clock.status() == DeadlineStatus.MISSED) {
            issues.add(timelinessCfr + ": " + clock.detail());
        } else if (!clock.toAsk().isEmpty()) {
            questions.add(timelinessCfr + ": answer " + String.join(", ", clock.toAsk()));
        }
        for (HipaaCheck check : facts.ruleset().hipaaChecks()) {
            if (check.appliesWhen() != null && !check.appliesWhen().evaluate(facts).isTrue()) {
                continue;
            }
            Outcome outcome = check.rule().evaluate(facts);
            if (outcome.isFalse()) {
                issues.add(check.issue());
            } else if (outcome.isUnknown()) {
                questions.add(check.cfr() + ": answer " + String.join(", ", outcome.missing()));
            }
        }
        if (!issues.isEmpty()) {
            return new HipaaStatus(HipaaStatus.Status.NONCOMPLIANT, List.copyOf(issues));
        }
        if (!questions.isEmpty()) {
            return new HipaaStatus(HipaaStatus.Status.NEEDS_MORE_FACTS, List.copyOf(questions));
        }
        return new HipaaStatus(HipaaStatus.Status.COMPLIANT, List.of());
    }
}
