package org.ehiaccess.decision.engine;

import static org.ehiaccess.decision.engine.Cases.plus;
import static org.ehiaccess.decision.engine.Cases.with;
import static org.ehiaccess.decision.engine.TestEngine.evaluate;
import static org.ehiaccess.decision.engine.TestEngine.practice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.ehiaccess.decision.rules.RuleCatalog;
import org.ehiaccess.platform.time.BusinessCalendar;
import org.junit.jupiter.api.Test;

/** Rulesets (CURRENT_2024_12 on, HTI5_FINAL off unless enabled) and the warnings the engine gives. */
class RulesetAndWarningsTest {

    static final Map<String, Object> MODIFICATION = with("request.received_date", "2026-03-02",
            "infeasibility.condition", "third_party_modification_use", "infeasibility.request_is_modification_use", true,
            "infeasibility.requester_is_provider_asking_its_ba", false, "infeasibility.written_notice_sent", true,
            "infeasibility.written_notice_date", "2026-03-04", "infeasibility.written_notice_states_reasons", true);

    @Test
    void hti5IsRefusedUnlessTheServiceEnablesIt() {
        FactValidator.Result refused = TestEngine.ENGINE.validator().validate(Map.of("type", "deny"),
                Map.of("ruleset.version", "HTI5_FINAL"));
        assertFalse(refused.valid());
        assertEquals("facts.ruleset.version", refused.errors().get(0).field());
        assertTrue(refused.errors().get(0).message().contains("not enabled"));
        assertThrows(IllegalArgumentException.class, () -> TestEngine.ENGINE.evaluate(
                new CaseInput("HTI5_FINAL", Map.of("practice.type", "deny")), BusinessCalendar.federal()));
    }

    @Test
    void underHti5TheThirdPartyModificationConditionIsGoneAndFlagged() {
        Evaluation current = evaluate(practice("deny", "infeasibility"), MODIFICATION);
        assertEquals(Verdict.COVERED, current.verdict());
        assertTrue(current.warnings().stream().anyMatch(w -> w.contains("HTI-5") && w.contains("171.204(a)(3)")),
                "relying on a paragraph HTI-5 would remove is flagged: " + current.warnings());

        Evaluation hti5 = evaluate(TestEngine.WITH_HTI5, practice("deny", "infeasibility"),
                plus(MODIFICATION, "ruleset.version", "HTI5_FINAL"));
        assertEquals("HTI5_FINAL", hti5.ruleset());
        assertEquals(Verdict.NOT_COVERED, hti5.verdict());
        assertTrue(hti5.warnings().get(0).contains("not verified"), hti5.warnings().toString());
    }

    @Test
    void underHti5TheTefcaMannerExceptionCannotBeClaimedNorIsACandidate() {
        FactValidator.Result claimed = TestEngine.WITH_HTI5.validator().validate(
                Map.of("type", "redirect_to_tefca", "claimed_basis", "tefca_manner"), Map.of("ruleset.version", "HTI5_FINAL"));
        assertFalse(claimed.valid());
        assertEquals("practice.claimed_basis", claimed.errors().get(0).field());
        Map<String, Object> tefca = with("tefca.actor_participates", true, "tefca.requester_participates", true,
                "tefca.requester_capable_via_tefca", true, "tefca.fees_and_license_meet_302_303", true,
                "tefca.request_via_170_215_api", false, "manner.fulfilled_as_requested", false);
        assertEquals(Verdict.COVERED, evaluate(practice("redirect_to_tefca", "none"), tefca).verdict());
        Evaluation hti5 = evaluate(TestEngine.WITH_HTI5, practice("redirect_to_tefca", "none"),
                plus(tefca, "ruleset.version", "HTI5_FINAL"));
        assertTrue(hti5.exceptionIds().isEmpty());
        assertTrue(TestEngine.CATALOG.ruleset("HTI5_FINAL").orElseThrow().candidatesFor("redirect_to_tefca").stream()
                .noneMatch(c -> c.exceptionId().equals("171.403")));
    }

    @Test
    void conditionsWithUnverifiedWordingAreFlaggedWhenRelidOn() {
        Evaluation result = evaluate(practice("delay", "privacy_individual_request", "patient_request"),
                with("privacy.subexception", "individual_request_not_to_share", "privacy.disclosure_required_by_law", false,
                        "privacy.individual_requested_restriction", true, "privacy.no_improper_inducement", true,
                        "privacy.restriction_request_documented", true, "practice.consistent_nondiscriminatory", true));
        assertTrue(result.warnings().stream().anyMatch(w -> w.contains("unverified (U)") && w.contains("PR-e")),
                result.warnings().toString());
        Evaluation verified = evaluate(practice("make_unavailable", "health_it_performance"),
                with("performance.reason", "maintenance_or_improvement", "performance.temporary", true,
                        "performance.no_longer_than_necessary", true, "practice.consistent_nondiscriminatory", true));
        assertTrue(verified.warnings().isEmpty(), verified.warnings().toString());
    }

    @Test
    void prolongedDowntimeAndAnUnagreedAlternativeAreFlaggedForAPerson() {
        Evaluation downtime = evaluate(practice("make_unavailable", "health_it_performance"),
                with("performance.reason", "maintenance_or_improvement", "performance.temporary", true,
                        "performance.no_longer_than_necessary", true, "practice.consistent_nondiscriminatory", true,
                        "performance.unavailable_hours", 96));
        assertTrue(downtime.warnings().stream().anyMatch(w -> w.contains("96 hours")));
        Evaluation manner = evaluate(practice("alternative_manner", "manner"),
                with("manner.fulfilled_as_requested", false, "manner.requester_specified_or_agreed", false));
        assertTrue(manner.warnings().stream().anyMatch(w -> w.contains("have a person review")));
    }

    @Test
    void aDerivedFactGivenAgainstTheOtherFactsIsUsedAndFlagged() {
        Evaluation result = evaluate(practice("deny", "none"),
                with("request.received_date", "2026-03-02", "infeasibility.written_notice_date", "2026-03-05",
                        "infeasibility.written_notice_business_days", 2, "infeasibility.condition", "none"));
        assertTrue(result.warnings().stream().anyMatch(w -> w.startsWith("infeasibility.written_notice_business_days was given as 2")),
                result.warnings().toString());
    }

    @Test
    void aNonProviderActorIsToldTheCatalogIsForProviders() {
        Evaluation result = evaluate(practice("deny", "none", "competitor_requester"), with("actor.type", "hin_hie"));
        assertTrue(result.warnings().get(0).contains("health care provider"));
    }

    @Test
    void theEngineRefusesAnUnknownRuleset() {
        assertThrows(IllegalArgumentException.class, () -> TestEngine.ENGINE.evaluate(
                new CaseInput("NOPE", Map.of("practice.type", "deny")), BusinessCalendar.federal()));
        assertEquals(List.of(RuleCatalog.CURRENT, "HTI5_FINAL"),
                TestEngine.CATALOG.rulesets().stream().map(r -> r.id()).sorted().toList());
    }
}
