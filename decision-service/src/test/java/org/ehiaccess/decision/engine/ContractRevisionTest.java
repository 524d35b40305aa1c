package org.ehiaccess.decision.engine;

import static org.ehiaccess.decision.engine.Cases.plus;
import static org.ehiaccess.decision.engine.Cases.with;
import static org.ehiaccess.decision.engine.TestEngine.evaluate;
import static org.ehiaccess.decision.engine.TestEngine.practice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.ehiaccess.decision.rules.Condition;
import org.ehiaccess.decision.rules.Ruleset;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The decision contract as revised on 2026-12-04, item by item, including cases its examples do not show. */
class ContractRevisionTest {

    private static final Ruleset CURRENT = TestEngine.CATALOG.current();

    private static final Map<String, Object> LAW = with("law.mandates_practice", true, "law.kind", "mandatory",
            "law.practice_limited_to_mandate", true, "law.citation", "State Code 1-2-3",
            "request.requester_type", "employer_or_life_insurer", "request.ehi_classes", List.of("hiv_sti"));
    private static final Map<String, Object> PR_B = with("privacy.precondition_required_by_law", true,
            "privacy.precondition_unsatisfied", true, "privacy.tailored_to_precondition", true,
            "practice.consistent_nondiscriminatory", true, "privacy.documentation_basis", "written_policy_with_training",
            "privacy.precondition_type", "identity_verification", "request.requester_type", "patient");
    private static final Map<String, Object> PR_E = with("privacy.subexception", "individual_request_not_to_share",
            "privacy.individual_requested_restriction", true, "privacy.no_improper_inducement", true,
            "privacy.restriction_request_documented", true, "practice.consistent_nondiscriminatory", true,
            "request.requester_type", "patient");
    private static final Map<String, Object> PCA = with("request.requester_type", "other",
            "request.ehi_classes", List.of("reproductive_health"), "pca.good_faith_belief", true,
            "pca.ehi_is_reproductive_care_related", true, "pca.no_broader_than_necessary", true,
            "pca.implementation", "written_policy", "pca.protected_party", "provider_or_facilitator",
            "practice.consistent_nondiscriminatory", true);
    private static final Map<String, Object> PARENT = with("request.requester_type", "parent_or_guardian_of_minor",
            "request.ehi_classes", List.of("full_record", "minor_confidential_service"));

    private static boolean warns(Evaluation result, String text) {
        return result.warnings().stream().anyMatch(w -> w.contains(text));
    }

    private static List<String> ids(List<UnmetCondition> unmet) {
        return unmet.stream().map(UnmetCondition::condition).toList();
    }

    /** Item 1: RL-1 is decided before a disqualifying motive (§4.3 step 2). */
    @Nested
    class RequiredByLawBeforeMotive {

        @ParameterizedTest
        @ValueSource(strings = { "unpaid_balance", "convenience_or_staffing", "revenue_or_fee", "competitor_requester" })
        void everyDisqualifyingMotiveBecomesAWarning(String motive) {
            Evaluation result = evaluate(practice("limit_scope", "none", "legal_mandate", motive), LAW);
            assertEquals(Verdict.REQUIRED_BY_LAW, result.verdict(), result.toString());
            assertTrue(result.unmetConditions().isEmpty());
            assertTrue(warns(result, "motive " + motive) && warns(result, "only as far as, the law requires it"),
                    result.warnings().toString());
            assertFalse(warns(result, "cannot itself justify"), result.warnings().toString());
        }

        @Test
        void aClaimedBasisWithAMandateIsAlsoRequiredByLawAndWarnsTheSameWay() {
            Evaluation claimed = evaluate(practice("limit_scope", "required_by_law", "unpaid_balance"), LAW);
            assertEquals(Verdict.REQUIRED_BY_LAW, claimed.verdict());
            assertTrue(warns(claimed, "motive unpaid_balance was recorded"), claimed.warnings().toString());
            Evaluation otherClaim = evaluate(practice("deny", "preventing_harm", "revenue_or_fee"), LAW);
            assertEquals(Verdict.REQUIRED_BY_LAW, otherClaim.verdict());
            assertTrue(warns(otherClaim, "motive revenue_or_fee was recorded"), otherClaim.warnings().toString());
        }

        @Test
        void withoutAMandateTheMotiveStillDecides() {
            Evaluation permissive = evaluate(practice("limit_scope", "none", "unpaid_balance"),
                    plus(LAW, "law.kind", "permissive"));
            assertEquals(Verdict.NOT_COVERED, permissive.verdict());
            assertEquals(List.of("DISQUALIFYING_MOTIVE"), ids(permissive.unmetConditions()));
            // RL-1 open (no citation): the contract's step 3 still applies to the motive
            Evaluation open = evaluate(practice("limit_scope", "none", "convenience_or_staffing"),
                    plus(LAW, "law.citation", null));
            assertEquals(Verdict.NOT_COVERED, open.verdict());
            assertEquals(List.of("DISQUALIFYING_MOTIVE"), ids(open.unmetConditions()));
        }

        @Test
        void aMandateWithoutADisqualifyingMotiveHasNoMotiveWarning() {
            Evaluation result = evaluate(practice("limit_scope", "none", "legal_mandate"), LAW);
            assertEquals(Verdict.REQUIRED_BY_LAW, result.verdict());
            assertFalse(warns(result, "motive "), result.warnings().toString());
        }
    }

    /** Item 2: PR-e no longer depends on privacy.disclosure_required_by_law; it warns instead. */
    @Nested
    class PrivacyIndividualRequest {

        @Test
        void aLawRequiringTheDisclosureNoLongerFailsPrEButIsWarnedAbout() {
            Evaluation result = evaluate(practice("delay", "privacy_individual_request", "patient_request"),
                    plus(PR_E, "privacy.disclosure_required_by_law", true));
            assertEquals(Verdict.COVERED, result.verdict(), result.toString());
            assertEquals(List.of("171.202"), result.exceptionIds());
            assertTrue(warns(result, "171.202(e) does not override another law"), result.warnings().toString());
        }

        @Test
        void noLawOrNoAnswerGivesNoWarning() {
            for (Map<String, Object> facts : List.of(plus(PR_E, "privacy.disclosure_required_by_law", false), PR_E)) {
                Evaluation result = evaluate(practice("delay", "privacy_individual_request", "patient_request"), facts);
                assertEquals(Verdict.COVERED, result.verdict());
                assertFalse(warns(result, "does not override another law"), result.warnings().toString());
                assertFalse(result.missingFacts().contains("privacy.disclosure_required_by_law"));
            }
        }

        @Test
        void unclaimedPrEIsCoveredWithTheLawFactTrue() {
            Evaluation result = evaluate(practice("delay", "none", "patient_request"),
                    plus(PR_E, "privacy.disclosure_required_by_law", true, "harm.reasonable_belief", false,
                            "infeasibility.condition", "none", "performance.reason", "maintenance_or_improvement",
                            "performance.temporary", false, "security.directly_related_to_cia", false));
            assertEquals(Verdict.COVERED, result.verdict(), result.toString());
            assertTrue(warns(result, "does not override another law"));
        }

        @Test
        void beforeHti3TheEarlierTextStillExcludedDisclosuresALawRequired() {
            Evaluation before = evaluate(practice("delay", "privacy_individual_request", "patient_request"),
                    plus(PR_E, "privacy.disclosure_required_by_law", true, "eval.as_of_date", "2024-06-03"));
            assertEquals(Verdict.NOT_COVERED, before.verdict(), before.toString());
            assertTrue(before.unmetConditions().stream().anyMatch(u -> u.condition().equals("PR-e")
                    && u.facts().contains("privacy.disclosure_required_by_law")), before.toString());
            assertTrue(warns(before, "PR-e (171.202(e)(1)-(3)) was judged by the text in force on 2024-06-03"),
                    before.warnings().toString());
            Evaluation noLaw = evaluate(practice("delay", "privacy_individual_request", "patient_request"),
                    plus(PR_E, "privacy.disclosure_required_by_law", false, "eval.as_of_date", "2024-06-03"));
            assertEquals(Verdict.COVERED, noLaw.verdict());
        }
    }

    /** Item 3: pca.unlawfulness_shown defaults to false (presumed lawful), warned when the default was used. */
    @Nested
    class CareAccessPresumption {

        @Test
        void unansweredIsPresumedLawfulAndWarned() {
            for (Map<String, Object> facts : List.of(PCA, plus(PCA, "pca.unlawfulness_shown", null))) {
                Evaluation result = evaluate(practice("limit_scope", "protecting_care_access",
                        "reproductive_care_legal_risk"), facts);
                assertEquals(Verdict.COVERED, result.verdict(), result.toString());
                assertFalse(result.missingFacts().contains("pca.unlawfulness_shown"));
                assertTrue(warns(result, "presumed lawful"), result.warnings().toString());
            }
            // an explicit null is no answer either
            Map<String, Object> explicitNull = new java.util.LinkedHashMap<>(PCA);
            explicitNull.put("pca.unlawfulness_shown", null);
            Evaluation result = evaluate(practice("limit_scope", "protecting_care_access"), explicitNull);
            assertEquals(Verdict.COVERED, result.verdict(), result.toString());
            assertTrue(warns(result, "presumed lawful"), result.warnings().toString());
        }

        @Test
        void aNullAnswerIsNoAnswerEverywhere() {
            Map<String, Object> facts = new java.util.LinkedHashMap<>(PCA);
            facts.put("harm.access_context", null);
            facts.put("licensing.royalty_reasonable", null);
            Evaluation result = evaluate(practice("limit_scope", "protecting_care_access"), facts);
            assertFalse(warns(result, "was given as null"), result.warnings().toString());
            assertTrue(result.obligations().stream().noneMatch(o -> o.id().startsWith("licensing")), result.toString());
        }

        @Test
        void answeredFalseIsCoveredWithoutThePresumptionWarning() {
            Evaluation result = evaluate(practice("limit_scope", "protecting_care_access"),
                    plus(PCA, "pca.unlawfulness_shown", false));
            assertEquals(Verdict.COVERED, result.verdict());
            assertFalse(warns(result, "presum"), result.warnings().toString());
        }

        @Test
        void shownUnlawfulFailsPcaA() {
            Evaluation result = evaluate(practice("limit_scope", "protecting_care_access"),
                    plus(PCA, "pca.unlawfulness_shown", true));
            assertEquals(Verdict.NOT_COVERED, result.verdict());
            assertTrue(ids(result.unmetConditions()).contains("PCA-a"), result.toString());
            assertFalse(warns(result, "presum"), result.warnings().toString());
        }

        @Test
        void thePresumptionIsNotWarnedWhen171206PlaysNoPart() {
            Evaluation result = evaluate(practice("delay", "privacy_individual_request"), PR_E);
            assertFalse(warns(result, "presum"), result.warnings().toString());
        }
    }

    /** Item 7 (unchanged): a patient's own request blocked through the care-access branch still fails HIPAA. */
    @Test
    void careAccessBranchCoversPart171ButNotTheRightOfAccess() {
        Map<String, Object> own = plus(PCA, "request.requester_type", "patient", "pca.unlawfulness_shown", false);
        Evaluation noGround = evaluate(practice("limit_scope", "protecting_care_access"),
                plus(own, "hipaa.denial_ground", "none"));
        assertEquals(Verdict.COVERED, noGround.verdict(), noGround.toString());
        assertEquals(HipaaStatus.Status.NONCOMPLIANT, noGround.hipaa().status(), noGround.hipaa().toString());
        Evaluation unanswered = evaluate(practice("limit_scope", "protecting_care_access"), own);
        assertEquals(HipaaStatus.Status.NEEDS_MORE_FACTS, unanswered.hipaa().status());
        assertTrue(unanswered.hipaa().issues().stream().anyMatch(i -> i.contains("hipaa.denial_ground")));
    }

    /** Item 4: hipaa.minor_controls_withheld_phi (164.502(g)(3)). */
    @Nested
    class MinorControlsWithheldPhi {

        private final Map<String, Object> rl01 = plus(PARENT, "law.mandates_practice", true, "law.kind", "mandatory",
                "law.citation", "State Health Code §X", "law.practice_limited_to_mandate", true);

        @Test
        void theFactIsAskedOnlyWhenAParentRequests() {
            var fact = CURRENT.fact("hipaa.minor_controls_withheld_phi");
            assertEquals("request.requester_type == parent_or_guardian_of_minor", fact.asksWhenText());
            assertTrue(fact.question().contains("the teen consented to this care alone under state law"));
            assertTrue(CURRENT.fact("hipaa.applies").derivedFrom().contains("hipaa.minor_controls_withheld_phi"));
        }

        @Test
        void trueForAParentMakesTheHipaaTrackNotApplicableWithTheStateLawWarning() {
            Evaluation result = evaluate(practice("limit_scope", "required_by_law", "legal_mandate"),
                    plus(rl01, "hipaa.minor_controls_withheld_phi", true));
            assertEquals(Verdict.REQUIRED_BY_LAW, result.verdict());
            assertEquals(HipaaStatus.Status.NOT_APPLICABLE, result.hipaa().status());
            assertTrue(result.hipaa().issues().isEmpty());
            assertTrue(warns(result, "state law governs whether it may be disclosed to the parent"),
                    result.warnings().toString());
            assertTrue(result.summary().contains("not applicable to the withheld portion"), result.summary());
            assertFalse(result.summary().contains("noncompliant"), result.summary());
        }

        @Test
        void falseForAParentKeepsTheRightOfAccess() {
            Evaluation result = evaluate(practice("limit_scope", "required_by_law", "legal_mandate"),
                    plus(rl01, "hipaa.minor_controls_withheld_phi", false, "hipaa.denial_ground", "none"));
            assertEquals(HipaaStatus.Status.NONCOMPLIANT, result.hipaa().status(), result.hipaa().toString());
            assertFalse(warns(result, "164.502(g)(3)"));
        }

        @Test
        void unansweredForAParentAsksForIt() {
            Evaluation result = evaluate(practice("limit_scope", "required_by_law", "legal_mandate"), rl01);
            assertEquals(HipaaStatus.Status.NEEDS_MORE_FACTS, result.hipaa().status());
            assertTrue(result.hipaa().issues().get(0).contains("hipaa.minor_controls_withheld_phi"),
                    result.hipaa().toString());
        }

        @ParameterizedTest
        @ValueSource(strings = { "patient", "personal_representative", "third_party_app_patient_directed" })
        void otherRequestersAreNotAffected(String requester) {
            Evaluation result = evaluate(practice("limit_scope", "required_by_law", "legal_mandate"),
                    plus(rl01, "request.requester_type", requester, "hipaa.minor_controls_withheld_phi", true,
                            "hipaa.denial_ground", "none"));
            assertEquals(HipaaStatus.Status.NONCOMPLIANT, result.hipaa().status(), result.hipaa().toString());
            assertFalse(warns(result, "164.502(g)(3)"));
        }

        @Test
        void aNonRightOfAccessRequesterStaysNotApplicableWithoutTheWarning() {
            Evaluation result = evaluate(practice("limit_scope", "required_by_law"),
                    plus(rl01, "request.requester_type", "employer_or_life_insurer"));
            assertEquals(HipaaStatus.Status.NOT_APPLICABLE, result.hipaa().status());
            assertFalse(warns(result, "164.502(g)(3)"));
        }
    }

    /** Item 5: a claimed sub-exception selects its branch; the other branches go to other_candidates_unmet. */
    @Nested
    class ClaimedSubException {

        @Test
        void privacyPreconditionSelectsPrBWithoutTheSelectorBeingAnswered() {
            Evaluation result = evaluate(practice("deny", "privacy_precondition"), PR_B);
            assertEquals(Verdict.COVERED, result.verdict(), result.toString());
            assertEquals(List.of("PR-b"), result.satisfiedConditions().stream().filter(c -> c.startsWith("PR-")).toList());
            assertFalse(result.missingFacts().contains("privacy.subexception"));
        }

        @Test
        void aFailedClaimReportsItsBranchAndTheOtherBranchesAsOtherCandidates() {
            Evaluation result = evaluate(practice("deny", "privacy_precondition"),
                    plus(PR_B, "privacy.precondition_required_by_law", false));
            assertEquals(Verdict.NOT_COVERED, result.verdict(), result.toString());
            assertEquals(List.of("PR-b"), ids(result.unmetConditions()));
            assertTrue(ids(result.otherCandidatesUnmet()).containsAll(List.of("PR-d", "PR-e")), result.toString());
            assertFalse(ids(result.otherCandidatesUnmet()).contains("PR-b"));
        }

        @Test
        void theClaimWinsOverADifferentSelectorAnswerAndSaysSo() {
            Evaluation result = evaluate(practice("deny", "privacy_precondition"),
                    plus(PR_B, "privacy.subexception", "individual_request_not_to_share"));
            assertEquals(Verdict.COVERED, result.verdict(), result.toString());
            assertTrue(warns(result, "selects precondition_not_satisfied"), result.warnings().toString());
        }

        @Test
        void privacyHipaaUnreviewableSelectsPrD() {
            Map<String, Object> facts = with("request.requester_type", "patient",
                    "privacy.hipaa_a2_ground", "inmate_copy");
            Evaluation result = evaluate(practice("deny", "privacy_hipaa_unreviewable"), facts);
            assertEquals(Verdict.COVERED, result.verdict(), result.toString());
            assertTrue(result.satisfiedConditions().contains("PR-d"));
            Evaluation failed = evaluate(practice("deny", "privacy_hipaa_unreviewable"),
                    plus(facts, "privacy.hipaa_a2_ground", "none"));
            assertEquals(Verdict.NOT_COVERED, failed.verdict());
            assertEquals(List.of("PR-d"), ids(failed.unmetConditions()));
            assertTrue(ids(failed.otherCandidatesUnmet()).containsAll(List.of("PR-b", "PR-e")), failed.toString());
        }

        @Test
        void privacyIndividualRequestSelectsPrEAndOnADelayOnlyPrEIsACandidate() {
            Map<String, Object> facts = plus(PR_E, "privacy.subexception", null);
            Evaluation delay = evaluate(practice("delay", "privacy_individual_request"), facts);
            assertEquals(Verdict.COVERED, delay.verdict(), delay.toString());
            Evaluation failed = evaluate(practice("deny", "privacy_individual_request"),
                    plus(facts, "privacy.restriction_request_documented", false));
            assertEquals(List.of("PR-e"), ids(failed.unmetConditions()));
            assertTrue(ids(failed.otherCandidatesUnmet()).containsAll(List.of("PR-b", "PR-d")), failed.toString());
            Evaluation delayFailed = evaluate(practice("delay", "privacy_individual_request"),
                    plus(facts, "privacy.restriction_request_documented", false));
            assertFalse(ids(delayFailed.otherCandidatesUnmet()).contains("PR-b"), delayFailed.toString());
        }
    }

    /** Item 6: HTI-1 took effect 2024-03-11; an earlier evaluation date uses the text in force then, or says it cannot. */
    @Nested
    class EffectiveDates {

        @Test
        void everyHti1ParagraphTookEffectOnMarch11() {
            for (String id : List.of("IN-a1", "IN-a3", "IN-a4", "IN-a5", "MA-a", "MA-b", "TE")) {
                assertEquals(LocalDate.of(2024, 3, 11), CURRENT.condition(id).effective(), id);
            }
            assertTrue(CURRENT.conditions().values().stream().map(Condition::effective)
                    .noneMatch(LocalDate.of(2024, 2, 8)::equals));
        }

        private final Map<String, Object> inA4 = with("request.received_date", "2024-01-02",
                "infeasibility.condition", "manner_exception_exhausted", "infeasibility.manner_requested_failed", true,
                "infeasibility.alt_manners_offered_count", 2, "infeasibility.alt_manner_includes_b1i_or_b1ii", true,
                "infeasibility.same_access_to_substantial_number", false, "infeasibility.written_notice_sent", true,
                "infeasibility.written_notice_date", "2024-01-05", "infeasibility.written_notice_states_reasons", true);

        @Test
        void aNewParagraphCannotCoverBeforeItTookEffect() {
            Evaluation before = evaluate(practice("alternative_manner", "infeasibility"),
                    plus(inA4, "eval.as_of_date", "2024-03-08"));
            assertEquals(Verdict.NOT_COVERED, before.verdict(), before.toString());
            assertTrue(before.unmetConditions().stream().anyMatch(u -> u.condition().equals("IN-a4")
                    && u.reason().contains("not in force on 2024-03-08")), before.toString());
            assertTrue(warns(before, "IN-a4 (171.204(a)(4)(i)-(iii)) was not in force on 2024-03-08"),
                    before.warnings().toString());
            Evaluation onTheDay = evaluate(practice("alternative_manner", "infeasibility"),
                    plus(inA4, "eval.as_of_date", "2024-03-11"));
            assertEquals(Verdict.COVERED, onTheDay.verdict(), onTheDay.toString());
            assertFalse(warns(onTheDay, "not in force"));
        }

        @Test
        void careAccessDidNotExistBeforeHti3() {
            Evaluation before = evaluate(practice("limit_scope", "protecting_care_access"),
                    plus(PCA, "eval.as_of_date", "2024-12-16"));
            assertEquals(Verdict.NOT_COVERED, before.verdict(), before.toString());
            assertTrue(warns(before, "not in force on 2024-12-16"), before.warnings().toString());
            assertEquals(Verdict.COVERED, evaluate(practice("limit_scope", "protecting_care_access"),
                    plus(PCA, "eval.as_of_date", "2024-12-17")).verdict());
        }

        @Test
        void aParagraphWhoseEarlierTextIsNotHeldIsLeftOpenAndSaidSoPlainly() {
            Map<String, Object> event = with("request.received_date", "2024-01-02",
                    "infeasibility.condition", "uncontrollable_event", "infeasibility.event_caused_inability", true,
                    "infeasibility.written_notice_sent", true, "infeasibility.written_notice_date", "2024-01-05",
                    "infeasibility.written_notice_states_reasons", true, "request.requester_type", "other_provider_treatment");
            Evaluation before = evaluate(practice("deny", "infeasibility"), plus(event, "eval.as_of_date", "2024-02-09"));
            assertEquals(Verdict.NEEDS_MORE_FACTS, before.verdict(), before.toString());
            assertTrue(before.missingFacts().isEmpty(), before.toString());
            assertTrue(warns(before, "IN-a1 (171.204(a)(1)): its current text took effect 2024-03-11")
                    && warns(before, "does not hold the text in force on 2024-02-09"), before.warnings().toString());
            assertTrue(before.summary().contains("cannot decide this on 2024-02-09"), before.summary());
            Evaluation after = evaluate(practice("deny", "infeasibility"), plus(event, "eval.as_of_date", "2024-03-11"));
            assertEquals(Verdict.COVERED, after.verdict(), after.toString());
        }

        @Test
        void aFailureOnlyBecauseAnotherBranchWasChosenStaysAFailure() {
            Map<String, Object> event = with("request.received_date", "2024-01-02", "infeasibility.condition", "none",
                    "request.requester_type", "other_provider_treatment", "infeasibility.written_notice_sent", true,
                    "infeasibility.written_notice_date", "2024-01-05", "infeasibility.written_notice_states_reasons", true);
            Evaluation before = evaluate(practice("deny", "infeasibility"), plus(event, "eval.as_of_date", "2024-02-09"));
            assertEquals(Verdict.NOT_COVERED, before.verdict(), before.toString());
            assertFalse(warns(before, "2024-03-11"), before.warnings().toString());
        }

        @Test
        void segmentationUsesItsPreHti3Reasons() {
            Map<String, Object> segmentation = with("request.received_date", "2024-06-03",
                    "infeasibility.condition", "segmentation", "infeasibility.cannot_unambiguously_segment", true,
                    "infeasibility.segment_reason", "withholdable_under_171_206", "infeasibility.written_notice_sent", true,
                    "infeasibility.written_notice_date", "2024-06-05", "infeasibility.written_notice_states_reasons", true,
                    "request.requester_type", "other_provider_treatment", "eval.as_of_date", "2024-07-01");
            assertEquals(Verdict.NOT_COVERED, evaluate(practice("limit_scope", "infeasibility"), segmentation).verdict());
            Evaluation preference = evaluate(practice("limit_scope", "infeasibility"),
                    plus(segmentation, "infeasibility.segment_reason", "individual_preference"));
            assertEquals(Verdict.COVERED, preference.verdict(), preference.toString());
            assertTrue(warns(preference, "judged by the text in force on 2024-07-01"), preference.warnings().toString());
            assertEquals(Verdict.COVERED, evaluate(practice("limit_scope", "infeasibility"),
                    plus(segmentation, "eval.as_of_date", "2025-01-02")).verdict());
        }

        @Test
        void fulfillingAsRequestedIsCoveredOnEitherSideOfHti1() {
            for (String date : List.of("2023-05-01", "2024-03-11")) {
                Evaluation result = evaluate(practice("fulfill_as_requested", "none"),
                        with("request.requester_type", "other_provider_treatment", "eval.as_of_date", date));
                assertEquals(Verdict.COVERED, result.verdict(), date + " " + result);
            }
        }

        @Test
        void beforeTheApplicabilityDateNothingIsHeldAndTheEngineSaysItCannotDecide() {
            Evaluation result = evaluate(practice("limit_scope", "required_by_law"),
                    plus(LAW, "eval.as_of_date", "2020-06-01"));
            assertEquals(Verdict.NEEDS_MORE_FACTS, result.verdict(), result.toString());
            assertTrue(warns(result, "RL-1 (171.103(a)(1)): its current text took effect 2021-04-05"),
                    result.warnings().toString());
            assertTrue(result.summary().contains("Have counsel decide"), result.summary());
        }

        @Test
        void datesOfUnrelatedParagraphsAreNotWarnedAbout() {
            Evaluation result = evaluate(practice("deny", "preventing_harm"), with("eval.as_of_date", "2024-01-15",
                    "harm.reasonable_belief", false, "request.requester_type", "other_provider_treatment"));
            assertFalse(warns(result, "171.204"), result.warnings().toString());
            assertFalse(warns(result, "171.206"), result.warnings().toString());
            assertNull(CURRENT.condition("PH-a").earlier());
        }
    }
}
