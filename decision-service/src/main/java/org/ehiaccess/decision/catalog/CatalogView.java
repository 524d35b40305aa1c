package org.ehiaccess.decision.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ehiaccess.decision.guidance.CatalogLabels;
import org.ehiaccess.decision.rules.Candidate;
import org.ehiaccess.decision.rules.Condition;
import org.ehiaccess.decision.rules.Deadline;
import org.ehiaccess.decision.rules.ExceptionDefinition;
import org.ehiaccess.decision.rules.FactDefinition;
import org.ehiaccess.decision.rules.HipaaCheck;
import org.ehiaccess.decision.rules.Ruleset;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The rule catalog for the worksheets to render: every fact with its question, type, allowed values and
 * {@code asks_when}; every condition with its CFR paragraph, V/S/U mark, effective date and questions; how the
 * exceptions combine; the candidates per practice type; the deadlines; the HIPAA checks; the values in words.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CatalogView(String catalogVersion, String ruleset, String title, LocalDate effectiveDate,
        boolean enabled, String warning, List<FactView> facts, List<ExceptionView> exceptions,
        List<ConditionView> conditions, Map<String, List<CandidateView>> candidates,
        Map<String, CandidateView> claimedBasis, Set<String> disqualifyingMotives, Set<String> branchSelectors,
        List<DeadlineView> deadlines, List<HipaaCheckView> hipaaChecks, CatalogLabels labels) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record DeadlineView(String id, String cfr, Integer businessDays, Integer calendarDays,
            Integer extensionCalendarDays) {
        static DeadlineView of(Deadline d) {
            return new DeadlineView(d.id(), d.cfr(), d.businessDays(), d.calendarDays(), d.extensionCalendarDays());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record FactView(String id, String type, List<String> values, String cfr, String question, String asksWhen,
            boolean derived, List<String> derivedFrom, String rule, String defaultValue, String note) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record QuestionView(String fact, String question, String type, List<String> values, String asksWhen) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ConditionView(String id, String exception, String cfr, String mark, LocalDate effectiveDate,
            String title, String requirement, String rule, List<String> facts, List<QuestionView> questions,
            String asksWhen, List<String> documentation, String hti5) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ExceptionView(String id, String name, String cfr, String requires, List<String> conditions,
            List<String> documentation, String hti5) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CandidateView(String exception, Set<String> branches) {
        static CandidateView of(Candidate candidate) {
            return new CandidateView(candidate.exceptionId(), candidate.branches());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record HipaaCheckView(String id, String cfr, String mark, LocalDate effectiveDate, String appliesWhen,
            String rule, String issue) {
    }

    static CatalogView of(String catalogVersion, Ruleset ruleset, boolean enabled) {
        List<FactView> facts = ruleset.facts().values().stream().map(CatalogView::fact).toList();
        List<ConditionView> conditions = ruleset.conditions().values().stream()
                .map(condition -> condition(condition, ruleset)).toList();
        List<ExceptionView> exceptions = ruleset.exceptions().values().stream().map(CatalogView::exception).toList();
        Map<String, List<CandidateView>> candidates = new LinkedHashMap<>();
        ruleset.candidates().forEach((type, list) -> candidates.put(type, list.stream().map(CandidateView::of).toList()));
        Map<String, CandidateView> claimed = new LinkedHashMap<>();
        ruleset.claimedBasis().forEach((basis, candidate) -> claimed.put(basis, CandidateView.of(candidate)));
        List<HipaaCheckView> checks = ruleset.hipaaChecks().stream().map(CatalogView::check).toList();
        return new CatalogView(catalogVersion, ruleset.id(), ruleset.title(), ruleset.effective(), enabled,
                ruleset.warning(), facts, exceptions, conditions, candidates, claimed,
                ruleset.disqualifyingMotives(), ruleset.branchSelectors(),
                ruleset.deadlines().values().stream().map(DeadlineView::of).toList(), checks, CatalogLabels.get());
    }

    private static FactView fact(FactDefinition f) {
        return new FactView(f.id(), f.type().catalogName, f.values(), f.cfr(), f.question(), f.asksWhenText(),
                f.derived(), f.derivedFrom(), f.rule(), f.defaultText(), f.note());
    }

    /** The questions a worksheet asks for a condition: its facts, and for a derived fact the facts it comes from. */
    private static ConditionView condition(Condition c, Ruleset ruleset) {
        Set<String> asked = new LinkedHashSet<>();
        for (String id : c.facts()) {
            FactDefinition fact = ruleset.fact(id);
            if (fact.derived()) {
                asked.addAll(fact.derivedFrom());
            } else {
                asked.add(id);
            }
        }
        List<QuestionView> questions = new ArrayList<>();
        for (String id : asked) {
            FactDefinition fact = ruleset.fact(id);
            if (!fact.derived()) {
                questions.add(new QuestionView(id, fact.question(), fact.type().catalogName, fact.values(),
                        fact.asksWhenText()));
            }
        }
        return new ConditionView(c.id(), c.exceptionId(), c.cfr(), c.mark(), c.effective(), c.title(),
                c.requirement(), c.rule().describe(), c.facts(), questions, c.asksWhenText(), c.documentation(),
                c.hti5());
    }

    private static ExceptionView exception(ExceptionDefinition e) {
        return new ExceptionView(e.id(), e.name(), e.cfr(), e.requires().describe(), e.requires().conditionIds(),
                e.documentation(), e.hti5());
    }

    private static HipaaCheckView check(HipaaCheck check) {
        return new HipaaCheckView(check.id(), check.cfr(), check.mark(), check.effective(),
                check.appliesWhen() == null ? null : check.appliesWhen().describe(), check.rule().describe(),
                check.issue());
    }
}
