package org.ehiaccess.ui.worksheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ehiaccess.ui.client.decision.DecisionCatalog;
import org.ehiaccess.ui.client.decision.DecisionCatalog.Candidate;
import org.ehiaccess.ui.client.decision.DecisionCatalog.Condition;
import org.ehiaccess.ui.client.decision.DecisionCatalog.ExceptionRule;
import org.ehiaccess.ui.client.decision.DecisionCatalog.Fact;
import org.ehiaccess.ui.client.decision.DecisionCatalog.Question;
import org.ehiaccess.ui.client.decision.DecisionQuestions;
import org.junit.jupiter.api.Test;

/** The worksheet's steps from a catalog: (1), (2), (3), a branch selector, each condition, asks_when. */
class WorksheetPlanTest {

    static Fact bool(String id, String asksWhen) {
        return new Fact(id, "bool", List.of(), "171.204", "Q " + id + "?", asksWhen, false, List.of(), null, null, null);
    }

    static Fact enumFact(String id, List<String> values) {
        return new Fact(id, "enum", values, "171.204(a)", "Q " + id + "?", null, false, List.of(), null, null, null);
    }

    static Question q(Fact f) {
        return new Question(f.id(), f.question(), f.type(), f.values(), f.asksWhen());
    }

    /** 171.204 in miniature: (a)(1) or (a)(2) chosen by infeasibility.condition, and (b) the written notice. */
    static DecisionCatalog catalog() {
        Fact type = enumFact("practice.type", List.of("deny", "delay", "fulfill_as_requested"));
        Fact basis = enumFact("practice.claimed_basis", List.of("none", "infeasibility"));
        Fact motive = new Fact("practice.motive", "enum[]", List.of("downtime"), null, "Why?", null, false, List.of(), null, null, null);
        Fact condition = enumFact("infeasibility.condition", List.of("uncontrollable_event", "segmentation", "none"));
        Fact caused = bool("infeasibility.event_caused_inability", "infeasibility.condition == uncontrollable_event");
        Fact segment = bool("infeasibility.cannot_unambiguously_segment", "infeasibility.condition == segmentation");
        Fact sent = bool("infeasibility.written_notice_sent", null);
        Fact date = new Fact("infeasibility.written_notice_date", "date", List.of(), "171.204(b)", "When?",
                "infeasibility.written_notice_sent == true", false, List.of(), null, null, null);
        Condition a1 = new Condition("IN-a1", "171.204", "171.204(a)(1)", "S", null, "Uncontrollable event", "req",
                null, List.of(condition.id(), caused.id()), List.of(q(condition), q(caused)),
                "infeasibility.condition == uncontrollable_event", List.of(), null);
        Condition a2 = new Condition("IN-a2", "171.204", "171.204(a)(2)", "U", null, "Segmentation", "req",
                null, List.of(condition.id(), segment.id()), List.of(q(condition), q(segment)),
                "infeasibility.condition == segmentation", List.of(), null);
        Condition b = new Condition("IN-b", "171.204", "171.204(b)", "S", null, "Written reasons", "req",
                null, List.of(sent.id(), date.id()), List.of(q(sent), q(date)), null, List.of(), null);
        return new DecisionCatalog("v", "CURRENT_2024_12", "t", null, true, null,
                List.of(type, basis, motive, condition, caused, segment, sent, date),
                List.of(new ExceptionRule("171.204", "Infeasibility", "171.204", "all", List.of("IN-a1", "IN-a2", "IN-b"), List.of(), null)),
                List.of(a1, a2, b), Map.of(), Map.of("infeasibility", new Candidate("171.204", Set.of())), Set.of(),
                Set.of("infeasibility.condition"));
    }

    /** decision-service's answer to "which questions apply", written out for a test: id -> state[:dependsOn]. */
    static DecisionQuestions asked(Map<String, String> facts, Map<String, String> conditions, List<String> hipaa) {
        java.util.function.Function<Map<String, String>, Map<String, DecisionQuestions.Asked>> read = states -> {
            Map<String, DecisionQuestions.Asked> out = new java.util.HashMap<>();
            states.forEach((id, text) -> {
                String[] parts = text.split(":", 2);
                out.put(id, new DecisionQuestions.Asked(parts[0], parts.length > 1 ? parts[1] : null));
            });
            return out;
        };
        return new DecisionQuestions(read.apply(facts), read.apply(conditions), hipaa);
    }

    static final String BY_CONDITION = "infeasibility.condition";

    static List<String> ids(WorksheetPlan plan) {
        return plan.steps().stream().map(WorksheetPlan.Step::id).toList();
    }

    @Test
    void beforeAnyAnswerOnlyTheFirstStepsAndTheLastLook() {
        WorksheetPlan plan = WorksheetPlan.of(catalog(), Draft.empty(), null, DecisionQuestions.UNKNOWN, Map.of(), false);
        assertEquals(List.of("fulfil", "partial", "practice", "review"), ids(plan));
        assertEquals("fulfil", plan.current(null).id());
    }

    @Test
    void fulfillingAsRequestedNeedsNoException() {
        Draft draft = Draft.empty();
        draft.setType("fulfill_as_requested");
        WorksheetPlan plan = WorksheetPlan.of(catalog(), draft, null, DecisionQuestions.UNKNOWN, Map.of(), false);
        assertEquals(List.of("fulfil", "review"), ids(plan));
    }

    @Test
    void theBranchSelectorComesFirstThenOnlyTheChosenBranchAndTheNotice() {
        Draft draft = Draft.empty();
        draft.setType("delay");
        draft.setBasis("infeasibility");
        DecisionQuestions waiting = asked(
                Map.of("infeasibility.event_caused_inability", "waiting:" + BY_CONDITION,
                        "infeasibility.cannot_unambiguously_segment", "waiting:" + BY_CONDITION,
                        "infeasibility.written_notice_date", "waiting:infeasibility.written_notice_sent"),
                Map.of("IN-a1", "waiting:" + BY_CONDITION, "IN-a2", "waiting:" + BY_CONDITION), List.of());
        WorksheetPlan open = WorksheetPlan.of(catalog(), draft, null, waiting, Map.of(), false);
        assertEquals(List.of("fulfil", "partial", "practice", "s-infeasibility.condition", "c-IN-b", "review"), ids(open));
        assertEquals("s-infeasibility.condition", open.after("practice").id());

        draft.set("infeasibility.condition", "uncontrollable_event");
        DecisionQuestions a1Chosen = asked(
                Map.of("infeasibility.cannot_unambiguously_segment", "not_asked:" + BY_CONDITION,
                        "infeasibility.written_notice_date", "waiting:infeasibility.written_notice_sent"),
                Map.of("IN-a1", "asked:" + BY_CONDITION, "IN-a2", "not_asked:" + BY_CONDITION), List.of());
        WorksheetPlan chosen = WorksheetPlan.of(catalog(), draft, null, a1Chosen, Map.of(), false);
        assertEquals(List.of("fulfil", "partial", "practice", "s-infeasibility.condition", "c-IN-a1", "c-IN-b", "review"),
                ids(chosen));
        WorksheetPlan.Step a1 = chosen.step("c-IN-a1").orElseThrow();
        assertEquals(List.of("infeasibility.event_caused_inability"), a1.questions().stream().map(WorksheetPlan.Question::fact).toList(),
                "the selector is not asked twice");
        assertEquals("c-IN-a1", chosen.after("s-infeasibility.condition").id());
    }

    @Test
    void aParentIsAskedWhetherTheTeenControlsTheWithheldInformation() {
        DecisionCatalog base = catalog();
        List<Fact> facts = new java.util.ArrayList<>(base.facts());
        facts.add(enumFact("request.requester_type", List.of("patient", "parent_or_guardian_of_minor")));
        facts.add(new Fact("hipaa.minor_controls_withheld_phi", "bool", List.of(), "164.502(g)(3)(i)(A)-(C)",
                "Is this true of the withheld information: the teen consented to this care alone under state law?",
                "request.requester_type == parent_or_guardian_of_minor", false, List.of(), null, null, null));
        facts.add(enumFact("hipaa.denial_ground", List.of("a3_life_or_physical_safety", "none")));
        DecisionCatalog catalog = new DecisionCatalog(base.catalogVersion(), base.ruleset(), base.title(),
                base.effectiveDate(), base.enabled(), base.warning(), facts, base.exceptions(), base.conditions(),
                base.candidates(), base.claimedBasis(), base.disqualifyingMotives(), base.branchSelectors());
        Draft draft = Draft.empty();
        draft.setType("deny");
        draft.setBasis("infeasibility");
        draft.set("request.requester_type", "parent_or_guardian_of_minor");
        List<String> hipaaFacts = List.of("hipaa.minor_controls_withheld_phi", "hipaa.denial_ground");
        WorksheetPlan.Step hipaa = WorksheetPlan.of(catalog, draft, null,
                asked(Map.of("hipaa.minor_controls_withheld_phi", "asked:request.requester_type"), Map.of(), hipaaFacts),
                Map.of(), false).step("hipaa").orElseThrow();
        assertEquals(List.of("hipaa.minor_controls_withheld_phi", "hipaa.denial_ground"),
                hipaa.questions().stream().map(WorksheetPlan.Question::fact).toList());
        assertTrue(hipaa.questions().get(0).text().contains("the teen consented to this care alone under state law"));

        draft.set("request.requester_type", "patient");
        hipaa = WorksheetPlan.of(catalog, draft, null,
                asked(Map.of("hipaa.minor_controls_withheld_phi", "not_asked:request.requester_type"), Map.of(), hipaaFacts),
                Map.of(), false).step("hipaa").orElseThrow();
        assertEquals(List.of("hipaa.denial_ground"), hipaa.questions().stream().map(WorksheetPlan.Question::fact).toList(),
                "asked only when a parent requests");
    }

    @Test
    void aQuestionAppearsOnceTheAnswerItDependsOnIsGiven() {
        Draft draft = Draft.empty();
        draft.setType("delay");
        draft.setBasis("infeasibility");
        WorksheetPlan.Step notice = WorksheetPlan.of(catalog(), draft, null,
                asked(Map.of("infeasibility.written_notice_date", "waiting:infeasibility.written_notice_sent"), Map.of(), List.of()),
                Map.of(), false).step("c-IN-b").orElseThrow();
        assertEquals(List.of("infeasibility.written_notice_sent"), notice.questions().stream().map(WorksheetPlan.Question::fact).toList());
        assertFalse(notice.done());
        draft.set("infeasibility.written_notice_sent", true);
        notice = WorksheetPlan.of(catalog(), draft, null,
                asked(Map.of("infeasibility.written_notice_date", "asked:infeasibility.written_notice_sent"), Map.of(), List.of()),
                Map.of(), false).step("c-IN-b").orElseThrow();
        assertEquals(List.of("infeasibility.written_notice_sent", "infeasibility.written_notice_date"),
                notice.questions().stream().map(WorksheetPlan.Question::fact).toList());
        draft.set("infeasibility.written_notice_sent", false);
        notice = WorksheetPlan.of(catalog(), draft, null,
                asked(Map.of("infeasibility.written_notice_date", "not_asked:infeasibility.written_notice_sent"), Map.of(), List.of()),
                Map.of(), false).step("c-IN-b").orElseThrow();
        assertTrue(notice.done(), "no notice: the date is not asked");
    }

    /**
     * The page shows what decision-service answered, not its own reading of asks_when: here the catalog's text would
     * hide the segmentation question (the answer is uncontrollable_event), but decision-service says it is asked.
     */
    @Test
    void thePlanFollowsDecisionServicesAnswerNotItsOwnReadingOfAsksWhen() {
        Draft draft = Draft.empty();
        draft.setType("delay");
        draft.setBasis("infeasibility");
        draft.set("infeasibility.condition", "uncontrollable_event");
        DecisionQuestions answer = asked(Map.of("infeasibility.event_caused_inability", "not_asked:" + BY_CONDITION,
                "infeasibility.cannot_unambiguously_segment", "asked:" + BY_CONDITION),
                Map.of("IN-a1", "not_asked:" + BY_CONDITION, "IN-a2", "asked:" + BY_CONDITION), List.of());
        WorksheetPlan plan = WorksheetPlan.of(catalog(), draft, null, answer, Map.of(), false);
        assertTrue(plan.step("c-IN-a2").isPresent(), "decision-service asked for (a)(2): " + ids(plan));
        assertFalse(plan.step("c-IN-a1").isPresent(), "decision-service did not ask for (a)(1): " + ids(plan));
        // and the HIPAA questions are the ones decision-service lists for the practice, none when it lists none
        draft.set("request.requester_type", "patient");
        assertFalse(WorksheetPlan.of(catalog(), draft, null, answer, Map.of(), false).step("hipaa").isPresent());
    }

    /**
     * Who has the HIPAA right of access is decided by decision-service (hipaa.applies): the page shows the HIPAA step
     * exactly when it lists questions, whoever asks, and offers the catalog's practice types, not a list of its own.
     */
    @Test
    void theHipaaStepAndThePracticeTypesComeFromDecisionService() {
        Draft draft = Draft.empty();
        draft.setType("deny");
        draft.setBasis("infeasibility");
        draft.set("request.requester_type", "payer");
        DecisionCatalog base = catalog();
        List<Fact> facts = new java.util.ArrayList<>(base.facts());
        facts.add(enumFact("hipaa.denial_ground", List.of("a3_life_or_physical_safety", "none")));
        DecisionCatalog catalog = new DecisionCatalog(base.catalogVersion(), base.ruleset(), base.title(),
                base.effectiveDate(), base.enabled(), base.warning(), facts, base.exceptions(), base.conditions(),
                base.candidates(), base.claimedBasis(), base.disqualifyingMotives(), base.branchSelectors());
        DecisionQuestions listsHipaa = asked(Map.of(), Map.of(), List.of("hipaa.denial_ground"));
        WorksheetPlan plan = WorksheetPlan.of(catalog, draft, null, listsHipaa, Map.of(), false);
        assertEquals(List.of("hipaa.denial_ground"), plan.step("hipaa").orElseThrow().questions().stream()
                .map(WorksheetPlan.Question::fact).toList());
        assertEquals("5", plan.step("review").orElseThrow().number());
        WorksheetPlan none = WorksheetPlan.of(catalog, draft, null, asked(Map.of(), Map.of(), List.of()), Map.of(), false);
        assertFalse(none.step("hipaa").isPresent());
        assertEquals("4", none.step("review").orElseThrow().number());

        WorksheetPlan.Question type = plan.step("practice").orElseThrow().questions().get(0);
        assertEquals(List.of("deny", "delay"), type.options().stream().map(WorksheetPlan.Option::value).toList());
    }
}
