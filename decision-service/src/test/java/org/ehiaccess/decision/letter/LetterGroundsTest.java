package org.ehiaccess.decision.letter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ehiaccess.decision.assessment.Assessment;
import org.ehiaccess.decision.assessment.DecisionRecord;
import org.ehiaccess.decision.letter.LetterGrounds.Basis;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The basis a letter states (164.524(d)(2)(i); 171.204(b)), from what a signed decision recorded. */
class LetterGroundsTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final LetterGrounds GROUNDS = LetterGrounds.load();

    static DecisionRecord decision(String verdict, List<String> exceptions, Map<String, Object> practice,
            Map<String, Object> facts) throws Exception {
        Assessment a = new Assessment();
        a.id = UUID.randomUUID();
        a.verdict = verdict;
        a.input = JSON.writeValueAsString(Map.of("practice", practice, "facts", facts));
        a.result = JSON.writeValueAsString(Map.of("verdict", verdict, "exception_ids", exceptions, "obligations", List.of()));
        return DecisionRecord.of(a, JSON);
    }

    @Test
    void requiredByLawNamesTheLaw() throws Exception {
        DecisionRecord d = decision("required_by_law", List.of(), Map.of("type", "limit_scope", "claimed_basis",
                "required_by_law"), Map.of("law.citation", "State Code 1-2-3"));
        List<Basis> basis = GROUNDS.denialBasis(d);
        assertEquals("A law requires us to withhold this information: State Code 1-2-3.", basis.get(0).text());
        assertEquals("45 CFR 171.103(a)(1)", basis.get(0).citation());
        assertFalse(GROUNDS.reviewable(d, basis));
    }

    @Test
    void psychotherapyNotesAreNotEhiAndNotReviewable() throws Exception {
        DecisionRecord d = decision("out_of_scope", List.of(), Map.of("type", "limit_scope"),
                Map.of("request.ehi_classes", List.of("psychotherapy_note", "lab_result")));
        List<Basis> basis = GROUNDS.denialBasis(d);
        assertEquals(1, basis.size());
        assertTrue(basis.get(0).text().startsWith("Part of what you asked for is psychotherapy notes."));
        assertEquals("45 CFR 164.524(a)(1)(i); 45 CFR 171.102", basis.get(0).citation());
        assertFalse(GROUNDS.reviewable(d, basis));
    }

    @Test
    void preventingHarmOnAClinicianDeterminationIsReviewableOnErroneousDataItIsNot() throws Exception {
        DecisionRecord determination = decision("covered", List.of("171.201"), Map.of("type", "deny", "claimed_basis",
                "preventing_harm"), Map.of("request.requester_type", "personal_representative",
                        "harm.risk_type", "individualized_determination"));
        List<Basis> basis = GROUNDS.denialBasis(determination);
        assertTrue(basis.get(0).text().contains("as the patient's representative"), basis.toString());
        assertEquals("45 CFR 164.524(a)(3)(iii); 45 CFR 171.201", basis.get(0).citation());
        assertTrue(GROUNDS.reviewable(determination, basis));

        DecisionRecord erroneous = decision("covered", List.of("171.201"), Map.of("type", "delay", "claimed_basis",
                "preventing_harm"), Map.of("request.requester_type", "patient",
                        "harm.risk_type", "data_misidentified_or_erroneous"));
        basis = GROUNDS.denialBasis(erroneous);
        assertEquals("45 CFR 171.201(c)(2)", basis.get(0).citation());
        assertFalse(GROUNDS.reviewable(erroneous, basis));
    }

    @Test
    void privacyAndInfeasibilityBranchesSayWhatIsMissingOrWhy() throws Exception {
        DecisionRecord precondition = decision("covered", List.of("171.202"), Map.of("type", "condition_on_form_or_step"),
                Map.of("privacy.subexception", "precondition_not_satisfied", "privacy.precondition_type", "hipaa_authorization"));
        assertEquals("The law requires a step before we can share this information, and it is not done yet. We still"
                + " need: a written authorization signed by the patient.", GROUNDS.denialBasis(precondition).get(0).text());
        DecisionRecord segmentation = decision("needs_more_facts", List.of(), Map.of("type", "limit_scope",
                "claimed_basis", "infeasibility"), Map.of("infeasibility.condition", "segmentation"));
        Basis why = GROUNDS.infeasibilityBasis(segmentation);
        assertEquals("45 CFR 171.204(a)(2), (b)", why.citation());
        assertTrue(why.text().startsWith("We cannot separate the information"));
        assertTrue(segmentation.reliesOnInfeasibility());
    }
}
