package org.ehiaccess.decision.engine;

import static org.ehiaccess.decision.engine.Cases.plus;
import static org.ehiaccess.decision.engine.Cases.with;
import static org.ehiaccess.decision.rules.logic.Tri.FALSE;
import static org.ehiaccess.decision.rules.logic.Tri.TRUE;
import static org.ehiaccess.decision.rules.logic.Tri.UNKNOWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.ehiaccess.decision.rules.logic.Outcome;
import org.ehiaccess.decision.rules.logic.Tri;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of the condition table (rules/171.*.yaml) in each state it can take: true, false, unknown.
 * For unknown, the facts it asks for; for false, the paragraph reported.
 */
class ConditionTableTest {

    private static final Map<String, Object> LAW = with("law.mandates_practice", true, "law.kind", "mandatory",
            "law.practice_limited_to_mandate", true, "law.citation", "State Code 1-2-3");
    private static final Map<String, Object> PH_INDIVIDUAL = with("harm.risk_type", "individualized_determination",
            "harm.determiner_is_licensed_hcp", true, "harm.determiner_has_clinician_patient_relationship", true);
    private static final Map<String, Object> PR_B = with("privacy.subexception", "precondition_not_satisfied",
            "privacy.precondition_required_by_law", true, "privacy.precondition_unsatisfied", true,
            "privacy.tailored_to_precondition", true, "practice.consistent_nondiscriminatory", true,
            "privacy.documentation_basis", "written_policy_with_training",
            "privacy.precondition_type", "identity_verification");
    private static final Map<String, Object> PR_E = with("privacy.subexception", "individual_request_not_to_share",
            "privacy.disclosure_required_by_law", false, "privacy.individual_requested_restriction", true,
            "privacy.no_improper_inducement", true, "privacy.restriction_request_documented", true,
            "practice.consistent_nondiscriminatory", true);
    private static final Map<String, Object> SE_ABC = with("security.directly_related_to_cia", true,
            "security.tailored_to_specific_risk", true, "practice.consistent_nondiscriminatory", true);
    private static final Map<String, Object> SE_D = with("security.path", "organizational_policy",
            "security.policy_written", true, "security.policy_risk_assessed", true,
            "security.policy_standards_aligned", true, "security.policy_objective_timeframes", true);
    private static final Map<String, Object> SE_E = with("security.path", "case_determination",
            "security.case_necessary", true, "security.case_no_less_restrictive_alternative", true);
    private static final Map<String, Object> IN_A4 = with("infeasibility.condition", "manner_exception_exhausted",
            "infeasibility.manner_requested_failed", true, "infeasibility.alt_manners_offered_count", 2,
            "infeasibility.alt_manner_includes_b1i_or_b1ii", true, "infeasibility.same_access_to_substantial_number", false);
    private static final Map<String, Object> NOTICE_ON_TIME = with("request.received_date", "2026-03-02",
            "infeasibility.written_notice_sent", true, "infeasibility.written_notice_date", "2026-03-05",
            "infeasibility.written_notice_states_reasons", true);
    private static final Map<String, Object> PH_ALL = with("harm.reasonable_belief", true,
            "harm.no_broader_than_necessary", true, "harm.risk_type", "data_misidentified_or_erroneous",
            "request.requester_type", "other_provider_treatment", "harm.harm_type", "life_or_physical_safety",
            "harm.determination_basis", "organizational_policy", "harm.policy_meets_requirements", true);
    private static final Map<String, Object> PCA = with("pca.good_faith_belief", true,
            "pca.ehi_is_reproductive_care_related", true, "pca.no_broader_than_necessary", true,
            "pca.implementation", "written_policy", "pca.unlawfulness_shown", false);
    private static final Map<String, Object> MA_B = with("manner.fulfilled_as_requested", false,
            "manner.reason_not_as_requested", "technically_unable",
            "manner.alternative_used", "published_standard_specified_by_requester",
            "manner.priority_order_followed", true, "manner.requester_specified_or_agreed", true,
            "manner.without_unnecessary_delay", true, "manner.all_requested_ehi_included", true);
    private static final Map<String, Object> FE_EXCL = with("fees.charged_to", "payer",
            "fees.based_on_electronic_access_by_individual", false, "fees.is_certified_ehi_export", false,
            "fees.export_fee_not_agreed_in_writing_at_acquisition", false);
    private static final Map<String, Object> FE_A = with("fees.objective_uniform", true, "fees.cost_related", true,
            "fees.reasonably_allocated", true, "fees.not_already_recovered", true, "fees.prohibited_bases", List.of());
    private static final Map<String, Object> LI = with("licensing.negotiation_start_business_days", 10,
            "licensing.license_offered_business_days", 30, "licensing.grants_all_necessary_rights", true,
            "licensing.royalty_reasonable", true, "licensing.terms_nondiscriminatory", true,
            "licensing.prohibited_collateral_terms", List.of(), "licensing.impeding_or_degrading_practice", false);
    private static final Map<String, Object> TE = with("tefca.actor_participates", true,
            "tefca.requester_participates", true, "tefca.requester_capable_via_tefca", true,
            "tefca.fees_and_license_meet_302_303", true, "tefca.request_via_170_215_api", false);

    static Stream<Arguments> rows() {
        return Stream.of(
                row("SC-1", TRUE, with("request.ehi_classes", List.of("lab_result", "psychotherapy_note"))),
                row("SC-1", FALSE, with("request.ehi_classes", List.of("psychotherapy_note", "litigation_material"))),
                row("SC-1", UNKNOWN, with(), "request.ehi_classes"),
                row("DISQUALIFYING_MOTIVE", TRUE, with("practice.motive", List.of("safety_risk", "downtime"))),
                row("DISQUALIFYING_MOTIVE", TRUE, with()),
                row("DISQUALIFYING_MOTIVE", FALSE, with("practice.motive", List.of("safety_risk", "competitor_requester"))),

                row("RL-1", TRUE, LAW),
                row("RL-1", FALSE, plus(LAW, "law.kind", "permissive")),
                row("RL-1", FALSE, with("law.mandates_practice", false)),
                row("RL-1", UNKNOWN, plus(LAW, "law.citation", null), "law.citation"),
                row("RL-1", UNKNOWN, with(), "law.mandates_practice", "law.kind", "law.practice_limited_to_mandate", "law.citation"),

                row("PH-a", TRUE, with("harm.reasonable_belief", true)),
                row("PH-a", FALSE, with("harm.reasonable_belief", false)),
                row("PH-a", UNKNOWN, with(), "harm.reasonable_belief"),
                row("PH-b", TRUE, with("harm.no_broader_than_necessary", true)),
                row("PH-b", FALSE, with("harm.no_broader_than_necessary", false)),
                row("PH-b", UNKNOWN, with(), "harm.no_broader_than_necessary"),
                row("PH-c", TRUE, with("harm.risk_type", "data_misidentified_or_erroneous")),
                row("PH-c", TRUE, PH_INDIVIDUAL),
                row("PH-c", FALSE, with("harm.risk_type", "none")),
                row("PH-c", FALSE, plus(PH_INDIVIDUAL, "harm.determiner_is_licensed_hcp", false)),
                row("PH-c", UNKNOWN, plus(PH_INDIVIDUAL, "harm.determiner_has_clinician_patient_relationship", null),
                        "harm.determiner_has_clinician_patient_relationship"),
                row("PH-c", UNKNOWN, with(), "harm.risk_type"),
                row("PH-d", TRUE, with("request.requester_type", "patient", "harm.harm_type", "life_or_physical_safety")),
                row("PH-d", FALSE, with("request.requester_type", "patient", "harm.harm_type", "emotional_or_psychological_only")),
                row("PH-d", TRUE, with("request.requester_type", "personal_representative",
                        "harm.risk_type", "individualized_determination", "harm.harm_type", "substantial_harm")),
                row("PH-d", FALSE, with("request.requester_type", "parent_or_guardian_of_minor",
                        "harm.risk_type", "data_misidentified_or_erroneous", "harm.harm_type", "substantial_harm")),
                row("PH-d", TRUE, with("harm.access_context", "references_other_person",
                        "harm.risk_type", "individualized_determination", "harm.harm_type", "substantial_harm")),
                row("PH-d", FALSE, with("request.requester_type", "other_provider_treatment", "harm.harm_type", "substantial_harm")),
                row("PH-d", UNKNOWN, with("harm.harm_type", "life_or_physical_safety"), "request.requester_type"),
                row("PH-d", UNKNOWN, with("request.requester_type", "patient"), "harm.harm_type"),
                row("PH-e", TRUE, with("harm.risk_type", "data_misidentified_or_erroneous")),
                row("PH-e", TRUE, plus(PH_INDIVIDUAL, "harm.review_rights_honored", true)),
                row("PH-e", FALSE, plus(PH_INDIVIDUAL, "harm.review_rights_honored", false)),
                row("PH-e", UNKNOWN, PH_INDIVIDUAL, "harm.review_rights_honored"),
                row("PH-e", UNKNOWN, with(), "harm.risk_type", "harm.review_rights_honored"),
                row("PH-f", TRUE, with("harm.determination_basis", "organizational_policy", "harm.policy_meets_requirements", true)),
                row("PH-f", TRUE, with("harm.determination_basis", "case_specific_determination", "harm.determination_meets_requirements", true)),
                row("PH-f", FALSE, with("harm.determination_basis", "none", "harm.policy_meets_requirements", true)),
                row("PH-f", FALSE, with("harm.determination_basis", "case_specific_determination", "harm.determination_meets_requirements", false)),
                row("PH-f", UNKNOWN, with("harm.policy_meets_requirements", true), "harm.determination_basis"),

                row("PR-b", TRUE, PR_B),
                row("PR-b", TRUE, plus(PR_B, "privacy.precondition_type", "hipaa_authorization",
                        "privacy.defective_consent_received", true, "privacy.reasonable_assistance_given", true,
                        "privacy.no_improper_inducement", true)),
                row("PR-b", FALSE, plus(PR_B, "privacy.precondition_required_by_law", false)),
                row("PR-b", FALSE, plus(PR_B, "privacy.documentation_basis", "none")),
                row("PR-b", FALSE, plus(PR_B, "privacy.precondition_type", "part2_consent",
                        "privacy.defective_consent_received", true, "privacy.reasonable_assistance_given", false)),
                row("PR-b", UNKNOWN, plus(PR_B, "privacy.precondition_type", "hipaa_authorization"),
                        "privacy.defective_consent_received"),
                row("PR-d", TRUE, with("privacy.subexception", "hipaa_unreviewable_denial",
                        "request.requester_type", "patient", "privacy.hipaa_a2_ground", "inmate_copy")),
                row("PR-d", FALSE, with("privacy.subexception", "hipaa_unreviewable_denial",
                        "request.requester_type", "patient", "privacy.hipaa_a2_ground", "none")),
                row("PR-d", FALSE, with("privacy.subexception", "hipaa_unreviewable_denial",
                        "request.requester_type", "payer", "privacy.hipaa_a2_ground", "inmate_copy")),
                row("PR-d", UNKNOWN, with("privacy.subexception", "hipaa_unreviewable_denial",
                        "privacy.hipaa_a2_ground", "privacy_act"), "request.requester_type"),
                row("PR-e", TRUE, PR_E),
                // HTI-3 removed "unless otherwise required by law" from 171.202(e): no longer a condition
                row("PR-e", TRUE, plus(PR_E, "privacy.disclosure_required_by_law", true)),
                row("PR-e", FALSE, plus(PR_E, "privacy.subexception", "precondition_not_satisfied")),
                row("PR-e", UNKNOWN, plus(PR_E, "privacy.restriction_request_documented", null),
                        "privacy.restriction_request_documented"),

                row("SE-abc", TRUE, SE_ABC),
                row("SE-abc", FALSE, plus(SE_ABC, "security.tailored_to_specific_risk", false)),
                row("SE-abc", UNKNOWN, plus(SE_ABC, "practice.consistent_nondiscriminatory", null),
                        "practice.consistent_nondiscriminatory"),
                row("SE-d", TRUE, SE_D),
                row("SE-d", FALSE, plus(SE_D, "security.path", "case_determination")),
                row("SE-d", FALSE, plus(SE_D, "security.policy_written", false)),
                row("SE-d", UNKNOWN, plus(SE_D, "security.policy_objective_timeframes", null),
                        "security.policy_objective_timeframes"),
                row("SE-d", UNKNOWN, plus(SE_D, "security.path", null), "security.path"),
                row("SE-e", TRUE, SE_E),
                row("SE-e", FALSE, plus(SE_E, "security.path", "none")),
                row("SE-e", FALSE, plus(SE_E, "security.case_no_less_restrictive_alternative", false)),
                row("SE-e", UNKNOWN, plus(SE_E, "security.case_necessary", null), "security.case_necessary"),

                row("IN-a1", TRUE, with("infeasibility.condition", "uncontrollable_event", "infeasibility.event_caused_inability", true)),
                row("IN-a1", FALSE, with("infeasibility.condition", "uncontrollable_event", "infeasibility.event_caused_inability", false)),
                row("IN-a1", FALSE, with("infeasibility.condition", "none", "infeasibility.event_caused_inability", true)),
                row("IN-a1", UNKNOWN, with("infeasibility.condition", "uncontrollable_event"), "infeasibility.event_caused_inability"),
                row("IN-a2", TRUE, with("infeasibility.condition", "segmentation", "infeasibility.cannot_unambiguously_segment", true,
                        "infeasibility.segment_reason", "prohibited_by_law")),
                row("IN-a2", FALSE, with("infeasibility.condition", "segmentation", "infeasibility.cannot_unambiguously_segment", false)),
                row("IN-a2", UNKNOWN, with("infeasibility.condition", "segmentation", "infeasibility.cannot_unambiguously_segment", true),
                        "infeasibility.segment_reason"),
                row("IN-a3", TRUE, with("infeasibility.condition", "third_party_modification_use",
                        "infeasibility.request_is_modification_use", true, "infeasibility.requester_is_provider_asking_its_ba", false)),
                row("IN-a3", FALSE, with("infeasibility.condition", "third_party_modification_use",
                        "infeasibility.request_is_modification_use", true, "infeasibility.requester_is_provider_asking_its_ba", true)),
                row("IN-a3", UNKNOWN, with("infeasibility.condition", "third_party_modification_use",
                        "infeasibility.request_is_modification_use", true), "infeasibility.requester_is_provider_asking_its_ba"),
                row("IN-a4", TRUE, IN_A4),
                row("IN-a4", FALSE, plus(IN_A4, "infeasibility.alt_manners_offered_count", 1)),
                row("IN-a4", FALSE, plus(IN_A4, "infeasibility.same_access_to_substantial_number", true)),
                row("IN-a4", UNKNOWN, plus(IN_A4, "infeasibility.same_access_to_substantial_number", null),
                        "infeasibility.same_access_to_substantial_number"),
                row("IN-a5", TRUE, with("infeasibility.condition", "infeasible_under_circumstances",
                        "infeasibility.factors_documented_before_response", true, "infeasibility.relied_on_competition_or_fee", false)),
                row("IN-a5", FALSE, with("infeasibility.condition", "infeasible_under_circumstances",
                        "infeasibility.factors_documented_before_response", true, "infeasibility.relied_on_competition_or_fee", true)),
                row("IN-a5", UNKNOWN, with("infeasibility.condition", "infeasible_under_circumstances",
                        "infeasibility.relied_on_competition_or_fee", false), "infeasibility.factors_documented_before_response"),
                row("IN-b", TRUE, NOTICE_ON_TIME),
                row("IN-b", TRUE, plus(NOTICE_ON_TIME, "infeasibility.written_notice_date", "2026-03-16")),
                row("IN-b", FALSE, plus(NOTICE_ON_TIME, "infeasibility.written_notice_date", "2026-03-17")),
                row("IN-b", FALSE, plus(NOTICE_ON_TIME, "infeasibility.written_notice_states_reasons", false)),
                row("IN-b", FALSE, with("request.received_date", "2026-03-02", "infeasibility.written_notice_sent", false)),
                row("IN-b", UNKNOWN, with("request.received_date", "2026-03-02", "eval.as_of_date", "2026-03-16"),
                        "infeasibility.written_notice_sent"),
                row("IN-b", UNKNOWN, with("request.received_date", "2026-03-02", "eval.as_of_date", "2026-03-10",
                        "infeasibility.written_notice_sent", false), "infeasibility.written_notice_sent"),
                row("IN-b", UNKNOWN, plus(NOTICE_ON_TIME, "infeasibility.written_notice_states_reasons", null),
                        "infeasibility.written_notice_states_reasons"),
                row("IN-b", UNKNOWN, with(), "infeasibility.written_notice_sent", "request.received_date"),

                row("HP-a", TRUE, with("performance.reason", "maintenance_or_improvement", "performance.temporary", true,
                        "performance.no_longer_than_necessary", true, "practice.consistent_nondiscriminatory", true)),
                row("HP-a", FALSE, with("performance.reason", "maintenance_or_improvement", "performance.temporary", false)),
                row("HP-a", UNKNOWN, with("performance.reason", "maintenance_or_improvement", "performance.temporary", true,
                        "performance.no_longer_than_necessary", true), "practice.consistent_nondiscriminatory"),
                row("HP-b", TRUE, with("performance.reason", "third_party_app_degrading_performance",
                        "performance.no_longer_than_necessary", true, "practice.consistent_nondiscriminatory", true)),
                row("HP-b", FALSE, with("performance.reason", "third_party_app_degrading_performance",
                        "performance.no_longer_than_necessary", true, "practice.consistent_nondiscriminatory", true,
                        "performance.consistent_with_sla", false)),
                row("HP-b", UNKNOWN, with("performance.reason", "third_party_app_degrading_performance",
                        "practice.consistent_nondiscriminatory", true), "performance.no_longer_than_necessary"),
                row("HP-cd", TRUE, plus(PH_ALL, "performance.reason", "to_prevent_harm")),
                row("HP-cd", FALSE, plus(SE_ABC, "performance.reason", "security_related", "security.path", "none")),
                row("HP-cd", UNKNOWN, with("performance.reason", "to_prevent_harm"), "harm.reasonable_belief"),

                row("PCA-a", TRUE, PCA),
                row("PCA-a", FALSE, plus(PCA, "pca.unlawfulness_shown", true)),
                // care is presumed lawful: an unanswered pca.unlawfulness_shown counts as not shown
                row("PCA-a", TRUE, plus(PCA, "pca.unlawfulness_shown", null)),
                row("PCA-a", FALSE, plus(PCA, "pca.implementation", "none")),
                row("PCA-a", UNKNOWN, plus(PCA, "pca.implementation", null), "pca.implementation"),
                row("PCA-bc", TRUE, with("pca.protected_party", "patient", "pca.blocks_patient_own_request", false)),
                row("PCA-bc", TRUE, with("pca.protected_party", "provider_or_facilitator")),
                row("PCA-bc", FALSE, with("pca.protected_party", "patient", "pca.blocks_patient_own_request", true)),
                row("PCA-bc", UNKNOWN, with(), "pca.protected_party"),

                row("MA-a", TRUE, with("manner.fulfilled_as_requested", true)),
                row("MA-a", FALSE, with("manner.fulfilled_as_requested", false)),
                row("MA-a", UNKNOWN, with(), "manner.fulfilled_as_requested"),
                row("MA-a", TRUE, with("practice.type", "fulfill_as_requested")),
                row("MA-b", TRUE, MA_B),
                row("MA-b", TRUE, plus(MA_B, "licensing.nda_reasonable", true, "licensing.negotiation_start_business_days", 1,
                        "licensing.license_offered_business_days", 2, "licensing.grants_all_necessary_rights", true,
                        "licensing.royalty_reasonable", true, "licensing.terms_nondiscriminatory", true,
                        "licensing.prohibited_collateral_terms", List.of(), "licensing.impeding_or_degrading_practice", false)),
                row("MA-b", FALSE, plus(MA_B, "manner.alternative_used", "non_machine_readable")),
                row("MA-b", FALSE, plus(MA_B, "fees.based_on_electronic_access_by_individual", true)),
                row("MA-b", UNKNOWN, plus(MA_B, "manner.all_requested_ehi_included", null), "manner.all_requested_ehi_included"),
                row("MA-b", UNKNOWN, plus(MA_B, "fees.charged_to", "payer"), "fees.objective_uniform"),

                row("FE-excl", TRUE, FE_EXCL),
                row("FE-excl", TRUE, plus(FE_EXCL, "fees.charged_to", "individual_or_designee", "fees.hipaa_cost_based_compliant", true)),
                row("FE-excl", FALSE, plus(FE_EXCL, "fees.is_certified_ehi_export", true)),
                row("FE-excl", FALSE, plus(FE_EXCL, "fees.charged_to", "individual_or_designee", "fees.hipaa_cost_based_compliant", false)),
                row("FE-excl", UNKNOWN, plus(FE_EXCL, "fees.export_fee_not_agreed_in_writing_at_acquisition", null),
                        "fees.export_fee_not_agreed_in_writing_at_acquisition"),
                row("FE-excl", UNKNOWN, plus(FE_EXCL, "fees.charged_to", null), "fees.charged_to", "fees.hipaa_cost_based_compliant"),
                row("FE-a", TRUE, FE_A),
                row("FE-a", FALSE, plus(FE_A, "fees.prohibited_bases", List.of("competitor"))),
                row("FE-a", UNKNOWN, plus(FE_A, "fees.cost_related", null), "fees.cost_related"),

                row("LI", TRUE, LI),
                row("LI", FALSE, plus(LI, "licensing.negotiation_start_business_days", 11)),
                row("LI", FALSE, plus(LI, "licensing.nda_reasonable", false)),
                row("LI", FALSE, plus(LI, "licensing.prohibited_collateral_terms", List.of("non_compete"))),
                row("LI", UNKNOWN, plus(LI, "licensing.royalty_reasonable", null), "licensing.royalty_reasonable"),

                row("TE", TRUE, TE),
                row("TE", FALSE, plus(TE, "tefca.request_via_170_215_api", true)),
                row("TE", UNKNOWN, plus(TE, "tefca.actor_participates", null), "tefca.actor_participates"));
    }

    private static Arguments row(String condition, Tri expected, Map<String, Object> facts, String... toAsk) {
        return Arguments.of(condition, expected, facts, Set.of(toAsk));
    }

    @ParameterizedTest(name = "{0} is {1} with {2}")
    @MethodSource("rows")
    void conditionState(String condition, Tri expected, Map<String, Object> facts, Set<String> toAsk) {
        Outcome outcome = Cases.condition(condition, facts);
        assertEquals(expected, outcome.value(), () -> condition + " -> " + outcome);
        if (expected == UNKNOWN) {
            assertTrue(outcome.missing().containsAll(toAsk), () -> "asks " + outcome.missing() + ", expected " + toAsk);
        }
        if (expected == FALSE) {
            assertTrue(!outcome.failures().isEmpty(), "a false condition explains itself");
        }
    }

    @Test
    void everyConditionOfTheTableIsCoveredInEveryStateItCanTake() {
        Map<String, Set<Tri>> seen = rows().collect(Collectors.groupingBy(a -> (String) a.get()[0],
                Collectors.mapping(a -> (Tri) a.get()[1], Collectors.toSet())));
        assertEquals(TestEngine.CATALOG.current().conditions().keySet(), seen.keySet());
        seen.forEach((condition, states) -> {
            Set<Tri> expected = condition.equals("DISQUALIFYING_MOTIVE") ? Set.of(TRUE, FALSE) : Set.of(TRUE, FALSE, UNKNOWN);
            assertEquals(expected, states, condition);
        });
    }

    @Test
    void unknownAsksOnlyWhatCouldStillMakeItTrue() {
        // PH-f with a case determination: the policy branch is out; only the determination's own fact is asked
        Outcome outcome = Cases.condition("PH-f", with("harm.determination_basis", "case_specific_determination"));
        assertEquals(Set.of("harm.determination_meets_requirements"), outcome.missing());
        // 171.204(b): before the due date, only whether the notice was sent
        Outcome notice = Cases.condition("IN-b", with("request.received_date", "2026-03-02", "eval.as_of_date", "2026-03-12"));
        assertEquals(Set.of("infeasibility.written_notice_sent"), notice.missing());
    }

    @Test
    void aDefiniteFalseSettlesAConditionWhileOtherFactsAreMissing() {
        Outcome outcome = Cases.condition("SE-d", with("security.path", "organizational_policy", "security.policy_written", false));
        assertEquals(FALSE, outcome.value());
        assertEquals("171.203(d)(1)", outcome.failures().get(0).cfr());
    }
}
