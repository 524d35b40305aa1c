package org.ehiaccess.decision.guidance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ehiaccess.decision.rules.RuleCatalog;
import org.ehiaccess.decision.rules.Ruleset;
import org.junit.jupiter.api.Test;

/**
 * The worksheet's HIPAA step is decided here, by the engine's own hipaa.applies (164.524; 164.502(g)(3)), so the ui
 * never re-decides who has the right of access.
 */
class WorksheetQuestionsHipaaTest {

    private static final Ruleset RULES = RuleCatalog.load().current();

    private static List<String> hipaa(Object... pairs) {
        Map<String, Object> answers = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            answers.put((String) pairs[i], pairs[i + 1]);
        }
        return WorksheetQuestions.hipaa(RULES, answers);
    }

    @Test
    void anIndividualsDenialAsksTheDenialQuestions() {
        assertEquals(WorksheetQuestions.HIPAA_DENIAL, hipaa("practice.type", "deny", "request.requester_type", "patient"));
        assertEquals(WorksheetQuestions.HIPAA_TIMING,
                hipaa("practice.type", "delay", "request.requester_type", "third_party_app_patient_directed"));
    }

    @Test
    void aPayerOrANonCoveredClinicHasNoHipaaStep() {
        assertEquals(List.of(), hipaa("practice.type", "deny", "request.requester_type", "payer"));
        assertEquals(List.of(), hipaa("practice.type", "deny", "request.requester_type", "patient",
                "actor.is_hipaa_covered_entity", false));
        assertEquals(List.of(), hipaa("practice.type", "deny"));
    }

    @Test
    void aParentIsAskedWhetherTheTeenControlsTheCareAndKeepsThatQuestionWhenYes() {
        List<String> unanswered = hipaa("practice.type", "deny", "request.requester_type", "parent_or_guardian_of_minor");
        assertEquals(WorksheetQuestions.MINOR_CONTROLS, unanswered.get(0));
        assertTrue(unanswered.contains("hipaa.denial_ground"));
        // 164.502(g)(3): the parent is not the personal representative for that care; the answer stays changeable
        assertEquals(List.of(WorksheetQuestions.MINOR_CONTROLS), hipaa("practice.type", "deny",
                "request.requester_type", "parent_or_guardian_of_minor", WorksheetQuestions.MINOR_CONTROLS, true));
        assertEquals(List.of(), hipaa("practice.type", "deny", "request.requester_type", "parent_or_guardian_of_minor",
                WorksheetQuestions.MINOR_CONTROLS, true, "actor.is_hipaa_covered_entity", false));
    }
}
