package org.ehiaccess.decision.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.ehiaccess.decision.rules.Condition;
import org.ehiaccess.decision.rules.ExceptionDefinition;
import org.ehiaccess.decision.rules.FactDefinition;
import org.ehiaccess.decision.rules.Ruleset;
import org.ehiaccess.decision.rules.logic.DeadlineStatus;

/**
 * Words a decision for the clinic: the summary, the warnings and the documentation to keep. The wording follows
* not_covered reads "no exception covers this practice", never a label of the practice.
 */
final class Report {

    private final CaseFacts facts;
    private final Ruleset ruleset;
    private final Decision decision;
    private final int prolongedDowntimeHours;

    Report(CaseFacts facts, Decision decision, int prolongedDowntimeHours) {
        this.facts = facts;
        this.ruleset = facts.ruleset();
        this.decision = decision;
        this.prolongedDowntimeHours = prolongedDowntimeHours;
    }

    String summary(List<UnmetCondition> unmet, List<Obligation> obligations, HipaaStatus hipaa) {
        StringBuilder text = new StringBuilder();
        switch (decision.verdict()) {
            case OUT_OF_SCOPE:
                text.append("Out of scope: psychotherapy notes and information compiled for a legal proceeding are not"
                        + " EHI (171.102), so Part 171 does not reach this request.");
                break;
            case REQUIRED_BY_LAW:
                text.append("Required by law (171.103(a)(1)): ").append(facts.value("law.citation"))
                        .append(". Withhold or delay only what that law requires, for as long as it requires.");
                break;
            case COVERED:
                text.append(decision.rescued() ? "Covered: the claimed basis failed, but the practice meets every condition of "
                        : "Covered: the practice meets every condition of ").append(labels(decision.exceptionIds())).append('.');
                break;
            case NOT_COVERED:
                text.append("Not covered: ").append(Verdict.NOT_COVERED.wording()).append('.');
                if (!decision.disqualifyingMotives().isEmpty() && decision.claimed() == null
                        && !"required_by_law".equals(facts.value("practice.claimed_basis"))) {
                    text.append(" No exception was written for the reason given (")
                            .append(String.join(", ", decision.disqualifyingMotives())).append(").");
                } else if (!unmet.isEmpty()) {
                    text.append(" Unmet: ").append(unmet.stream().map(u -> u.condition() + " (" + u.cfr() + ")")
                            .collect(Collectors.joining(", "))).append('.');
                }
                text.append(" This is not itself a finding of a violation: the knowledge standard and the facts of the"
                        + " case still decide (171.103).");
                break;
            default:
                if (decision.missing().isEmpty() && facts.dated().containsValue(CaseFacts.Dated.TEXT_NOT_HELD)) {
                    text.append("The engine cannot decide this on ").append(facts.value("eval.as_of_date"))
                            .append(": a paragraph it needs was not yet in its current text on that date, and the"
                                    + " engine does not hold the earlier text (see the warnings). Have counsel decide.");
                } else {
                    text.append("More facts are needed before a decision. Answer: ")
                            .append(String.join(", ", decision.missing())).append('.');
                }
        }
        for (Obligation obligation : obligations) {
            if (obligation.status() == DeadlineStatus.PENDING && obligation.dueDate() != null) {
                text.append(" Due by ").append(obligation.dueDate()).append(": ").append(obligation.id())
                        .append(" (").append(obligation.cfr()).append(").");
            } else if (obligation.status() == DeadlineStatus.MISSED) {
                text.append(" Missed: ").append(obligation.id()).append(" (").append(obligation.cfr()).append(").");
            }
        }
        if (hipaa.status() != HipaaStatus.Status.NOT_APPLICABLE) {
            text.append(" HIPAA right of access (164.524): ").append(hipaa.status().json().replace('_', ' ')).append('.');
        } else if (DerivedFacts.PARENT.equals(facts.value("request.requester_type"))
                && Boolean.TRUE.equals(facts.value("hipaa.minor_controls_withheld_phi"))) {
            text.append(" HIPAA right of access (164.524): not applicable to the withheld portion, which the minor"
                    + " controls (164.502(g)(3)); state law governs disclosure to the parent.");
        }
        return text.toString();
    }

    List<String> warnings() {
        Set<String> warnings = new LinkedHashSet<>();
        if (ruleset.warning() != null) {
            warnings.add(ruleset.warning());
        }
        if (!"health_care_provider".equals(facts.value("actor.type"))) {
            warnings.add("The catalog models a health care provider; conditions written only for developers and"
                    + " HINs/HIEs (e.g. 171.202(c), 171.205(a)(3)) are not evaluated.");
        }
        if (decision.verdict() == Verdict.REQUIRED_BY_LAW) {
            // 171.103(a)(1): a legal mandate does not depend on motive
            decision.disqualifyingMotives().forEach(motive -> warnings.add("motive " + motive + " was recorded: the"
                    + " practice is outside Part 171 only because, and only as far as, the law requires it"
                    + " (171.103(a)(1)); the motive itself justifies nothing"));
        } else if (!"none".equals(facts.value("practice.claimed_basis"))) {
            decision.disqualifyingMotives().forEach(motive ->
                    warnings.add("motive " + motive + " cannot itself justify the practice"));
        }
        claimedSelectorWarnings(warnings);
        if (Boolean.TRUE.equals(facts.value("privacy.disclosure_required_by_law"))
                && facts.dated().get("PR-e") != CaseFacts.Dated.EARLIER_TEXT) {
            warnings.add("171.202(e) does not override another law: a law requires this access, exchange or use"
                    + " (privacy.disclosure_required_by_law), so that law may still compel the disclosure although"
                    + " the individual asked not to share.");
        }
        if (!facts.isAnswered("pca.unlawfulness_shown") && pcaReliedOn()) {
            warnings.add("171.206: the care was presumed lawful because pca.unlawfulness_shown was not answered; the"
                    + " presumption was applied. Answer it if the clinic actually knows, or the requester has shown a"
                    + " substantial factual basis, that the care was unlawful.");
        }
        if (Boolean.FALSE.equals(facts.value("hipaa.applies"))
                && DerivedFacts.PARENT.equals(facts.value("request.requester_type"))
                && Boolean.TRUE.equals(facts.value("hipaa.minor_controls_withheld_phi"))) {
            warnings.add("164.502(g)(3): the minor controls the withheld information, so the parent is not the"
                    + " minor's personal representative for it and 164.524 does not apply to that portion; state law"
                    + " governs whether it may be disclosed to the parent.");
        }
        datedWarnings(warnings);
        if (decision.rescued()) {
            warnings.add("claimed basis failed; covered by " + labels(decision.exceptionIds()));
        }
        List<Condition> reliedOn = reliedOn();
        List<String> unverified = reliedOn.stream().filter(Condition::unverified)
                .map(c -> c.id() + " (" + c.cfr() + ")").distinct().toList();
        if (!unverified.isEmpty()) {
            warnings.add("This result relies on conditions whose wording is unverified (U): "
                    + String.join(", ", unverified) + ". Have counsel confirm them against the current eCFR text.");
        }
        reliedOn.stream().map(Condition::hti5).filter(Objects::nonNull).forEach(warnings::add);
        if (decision.claimed() != null && decision.claimed().exception().hti5() != null) {
            warnings.add(decision.claimed().exception().hti5());
        }
        Object hours = facts.value("performance.unavailable_hours");
        if (hours instanceof Integer h && h > prolongedDowntimeHours) {
            warnings.add("Health IT unavailable for " + h + " hours (more than " + prolongedDowntimeHours
                    + "): prolonged downtime is a known pitfall; it must last no longer than necessary (171.205(a)(1)).");
        }
        if (Boolean.FALSE.equals(facts.value("manner.requester_specified_or_agreed"))) {
            warnings.add("The requester neither specified nor agreed to the alternative manner, so 171.301(b) cannot be"
                    + " met that way (ASTP FAQ, Dec 2025); have a person review the case.");
        }
        if ("charge_fee".equals(facts.value("practice.type")) && decision.exceptionIds().contains("171.301")) {
            warnings.add("171.301(a)(2): a fee for fulfilling in the manner requested need not meet 171.302, but HIPAA"
                    + " fee limits (164.524(c)(4)) and other law still apply.");
        }
        overriddenDerivations(warnings);
        return List.copyOf(warnings);
    }

    /** The claimed sub-exception set its branch selector over a different answer (catalog.yaml). */
    private void claimedSelectorWarnings(Set<String> warnings) {
        facts.claimSelects().forEach((fact, value) -> {
            Object given = facts.answered().get(fact);
            if (given != null && !given.equals(value)) {
                warnings.add(fact + " was given as " + given + ", but the claimed basis "
                        + facts.value("practice.claimed_basis") + " selects " + value + "; the claimed branch was"
                        + " evaluated.");
            }
        });
    }

    /** Whether the verdict may rest on PCA-a (171.206(a)): met, or 171.206 claimed or covering. */
    private boolean pcaReliedOn() {
        return decision.satisfied().contains("PCA-a") || decision.exceptionIds().contains("171.206")
                || (decision.claimed() != null && "171.206".equals(decision.claimed().exceptionId()));
    }

    /**
     * Conditions judged on a date before their current text took effect (eval.as_of_date), where they matter to the
     * verdict: those of the claimed exception, or of any candidate judged when none was claimed, and the gates.
     */
    private void datedWarnings(Set<String> warnings) {
        Object asOf = facts.value("eval.as_of_date");
        facts.dated().forEach((id, how) -> {
            Condition condition = ruleset.condition(id);
            if (!matters(condition)) {
                return;
            }
            String name = id + " (" + condition.cfr() + ")";
            switch (how) {
                case NOT_IN_FORCE -> warnings.add(name + " was not in force on " + asOf + " (it took effect "
                        + condition.effective() + "), so it cannot cover the practice on that date.");
                case EARLIER_TEXT -> warnings.add(name + " was judged by the text in force on " + asOf + " (from "
                        + condition.earlier().effective() + "), not by the text that took effect "
                        + condition.effective() + ".");
                case TEXT_NOT_HELD -> warnings.add(name + ": its current text took effect " + condition.effective()
                        + ", after " + asOf + ", and the engine does not hold the text in force on " + asOf
                        + ", so it cannot decide this condition; have counsel apply the earlier text.");
            }
        });
    }

    private boolean matters(Condition condition) {
        if (condition.exceptionId() == null) {
            return true;
        }
        if (decision.claimed() != null) {
            return decision.claimed().exceptionId().equals(condition.exceptionId());
        }
        return decision.judged().stream().anyMatch(j -> j.exceptionId().equals(condition.exceptionId()));
    }

    /** The conditions the verdict rests on: those met by the covering exceptions, or those that fail. */
    private List<Condition> reliedOn() {
        List<Condition> conditions = new ArrayList<>();
        decision.satisfied().forEach(id -> conditions.add(ruleset.condition(id)));
        decision.unmet().forEach(unmet -> conditions.add(unmet.condition()));
        return conditions;
    }

    private void overriddenDerivations(Set<String> warnings) {
        for (String id : facts.answered().keySet()) {
            FactDefinition fact = ruleset.fact(id);
            if (fact.derived()) {
                Object derived = facts.derivedValue(id);
                Object given = facts.answered().get(id);
                if (derived != null && given != null && !derived.equals(given)) {
                    warnings.add(id + " was given as " + given + "; the other facts give " + derived
                            + ". The given value was used.");
                }
            }
        }
    }

    List<String> documentation(List<Obligation> obligations) {
        Set<String> documents = new LinkedHashSet<>();
        switch (decision.verdict()) {
            case COVERED:
                decision.covering().forEach(judgement -> documentsOf(judgement.exceptionId(), judgement.satisfied(), documents));
                break;
            case REQUIRED_BY_LAW:
                documents.addAll(ruleset.condition(DecisionEngine.REQUIRED_BY_LAW).documentation());
                break;
            default:
                if (decision.claimed() != null) {
                    documentsOf(decision.claimed().exceptionId(), decision.claimed().requires().conditionIds(), documents);
                } else if (decision.verdict() == Verdict.NEEDS_MORE_FACTS) {
                    decision.judged().stream().filter(Judgement::isUnknown).forEach(judgement ->
                            documentsOf(judgement.exceptionId(), List.of(), documents));
                }
        }
        if (obligations.stream().anyMatch(o -> o.id().equals(Obligations.WRITTEN_NOTICE))) {
            documents.addAll(ruleset.condition("IN-b").documentation());
        }
        if (Boolean.TRUE.equals(facts.value("hipaa.applies"))) {
            Object type = facts.value("practice.type");
            if ("deny".equals(type) || "limit_scope".equals(type)) {
                documents.add("a copy of the written denial with the 164.524(d)(2) contents (basis, review rights where"
                        + " they apply, how to complain)");
            }
            if (Boolean.TRUE.equals(facts.value("hipaa.extension_notice_sent"))) {
                documents.add("a copy of the 164.524(b)(2)(ii) extension notice and its date");
            }
        }
        return List.copyOf(documents);
    }

    private void documentsOf(String exceptionId, List<String> conditionIds, Set<String> into) {
        ExceptionDefinition exception = ruleset.exceptions().get(exceptionId);
        into.addAll(exception.documentation());
        for (String id : conditionIds) {
            into.addAll(ruleset.condition(id).documentation());
        }
    }

    private String labels(List<String> exceptionIds) {
        return exceptionIds.stream().map(id -> ruleset.exceptions().get(id).label()).collect(Collectors.joining(", "));
    }
}
