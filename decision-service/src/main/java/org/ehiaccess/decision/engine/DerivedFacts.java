package org.ehiaccess.decision.engine;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.ehiaccess.decision.rules.FactDefinition;
import org.ehiaccess.decision.rules.Ruleset;

/**
 * The facts the engine computes rather than asks ({@code derived: true} in the rules). Each returns null
 * while an input is missing. A value the worksheet supplies for a derived fact overrides it (a reviewer may, e.g.,
 * set {@code harm.access_context} to references_other_person).
 */
public final class DerivedFacts {

    /** 171.102 "EHI" (1)-(2): psychotherapy notes and litigation material are not EHI. */
    private static final Set<String> NOT_EHI = Set.of("psychotherapy_note", "litigation_material");
    static final String PARENT = "parent_or_guardian_of_minor";

    private static final Map<String, Function<CaseFacts, Object>> RULES = Map.of(
            "scope.only_non_ehi", DerivedFacts::onlyNonEhi,
            "harm.access_context", DerivedFacts::accessContext,
            "hipaa.applies", DerivedFacts::hipaaApplies,
            "infeasibility.written_notice_business_days", DerivedFacts::noticeBusinessDays,
            "infeasibility.written_notice_due_date", DerivedFacts::noticeDueDate,
            "hipaa.days_to_action", DerivedFacts::daysToAction);

    private DerivedFacts() {
    }

    /** Fails at start-up if the catalog declares a derived fact the engine cannot compute. */
    static void checkCovers(Ruleset ruleset) {
        for (FactDefinition fact : ruleset.facts().values()) {
            if (fact.derived() && !RULES.containsKey(fact.id())) {
                throw new IllegalStateException("No derivation for the catalog's derived fact " + fact.id());
            }
        }
    }

    static Object compute(String factId, CaseFacts facts) {
        Function<CaseFacts, Object> rule = RULES.get(factId);
        return rule == null ? null : rule.apply(facts);
    }

    /** 171.102 "EHI" (1)-(2): true when every requested class is psychotherapy notes or litigation material. */
    private static Object onlyNonEhi(CaseFacts facts) {
        Set<?> classes = (Set<?>) facts.value("request.ehi_classes");
        if (classes == null || classes.isEmpty()) {
            return null;
        }
        return NOT_EHI.containsAll(classes);
    }

    /** 171.201(d)(1)-(4): whose access it is, from who asks. */
    private static Object accessContext(CaseFacts facts) {
        Object requester = facts.value("request.requester_type");
        if (requester == null) {
            return null;
        }
        switch (requester.toString()) {
            case "patient":
            case "third_party_app_patient_directed":
                return "patient_own_access";
            case "personal_representative":
            case "parent_or_guardian_of_minor":
                return "legal_representative_access";
            default:
                return "other_permissible_use";
        }
    }

    /**
     * 164.524: a covered entity, asked by the individual, a personal representative or a patient-directed app; not a
     * parent for the PHI of care the minor controls (164.502(g)(3): the parent is not the personal representative).
     */
    private static Object hipaaApplies(CaseFacts facts) {
        return hipaaApplies(facts.ruleset(), facts::value);
    }

    /**
     * The same rule for anyone holding answers (the worksheet's questions): true, false, or null while an input is
     * missing. {@code value} gives each fact's answer, or its default.
     */
    public static Boolean hipaaApplies(Ruleset ruleset, Function<String, Object> value) {
        Object covered = value.apply("actor.is_hipaa_covered_entity");
        Object requester = value.apply("request.requester_type");
        if (Boolean.FALSE.equals(covered)
                || (requester != null && !ruleset.rightOfAccessRequesters().contains(requester.toString()))) {
            return false;
        }
        if (covered == null || requester == null) {
            return null;
        }
        if (PARENT.equals(requester)) {
            Object minorControls = value.apply("hipaa.minor_controls_withheld_phi");
            return minorControls == null ? null : !Boolean.TRUE.equals(minorControls);
        }
        return true;
    }

    /** 171.204(b): business days from receipt to the written notice, not counting the day of receipt. */
    private static Object noticeBusinessDays(CaseFacts facts) {
        LocalDate received = (LocalDate) facts.value("request.received_date");
        LocalDate sent = (LocalDate) facts.value("infeasibility.written_notice_date");
        return received == null || sent == null ? null : facts.calendar().businessDaysBetween(received, sent);
    }

    /** 171.204(b): the 10th business day after receipt. */
    private static Object noticeDueDate(CaseFacts facts) {
        LocalDate received = (LocalDate) facts.value("request.received_date");
        int days = facts.ruleset().deadline("infeasibility_written_notice").businessDays();
        return received == null ? null : facts.calendar().addBusinessDays(received, days);
    }

    /**
     * 164.524(b)(2): calendar days from receipt to the action (access given or denial sent). For a delay whose
     * action date is not recorded, the practice's own delay in days.
     */
    private static Object daysToAction(CaseFacts facts) {
        LocalDate received = (LocalDate) facts.value("request.received_date");
        LocalDate acted = (LocalDate) facts.value("hipaa.action_date");
        if (received != null && acted != null) {
            return (int) Math.max(0, ChronoUnit.DAYS.between(received, acted));
        }
        return facts.value("practice.delay_days");
    }
}
