package org.ehiaccess.ui.client.decision;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The rule catalog as decision-service publishes it ({@code GET /api/v1/catalog}): this UI's own reading of it
 * (consumer-owned DTOs). The worksheet asks the catalog's questions, in the catalog's words.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DecisionCatalog(String catalogVersion, String ruleset, String title, LocalDate effectiveDate,
        boolean enabled, String warning, List<Fact> facts, List<ExceptionRule> exceptions, List<Condition> conditions,
        Map<String, List<Candidate>> candidates, Map<String, Candidate> claimedBasis, Set<String> disqualifyingMotives,
        Set<String> branchSelectors, Labels labels) {

    /** For a catalog without its words (tests building a catalog by hand). */
    public DecisionCatalog(String catalogVersion, String ruleset, String title, LocalDate effectiveDate, boolean enabled,
            String warning, List<Fact> facts, List<ExceptionRule> exceptions, List<Condition> conditions,
            Map<String, List<Candidate>> candidates, Map<String, Candidate> claimedBasis,
            Set<String> disqualifyingMotives, Set<String> branchSelectors) {
        this(catalogVersion, ruleset, title, effectiveDate, enabled, warning, facts, exceptions, conditions, candidates,
                claimedBasis, disqualifyingMotives, branchSelectors, null);
    }

    public DecisionCatalog {
        labels = labels == null ? Labels.NONE : labels;
        facts = facts == null ? List.of() : List.copyOf(facts);
        exceptions = exceptions == null ? List.of() : List.copyOf(exceptions);
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
        candidates = candidates == null ? Map.of() : Map.copyOf(candidates);
        claimedBasis = claimedBasis == null ? Map.of() : Map.copyOf(claimedBasis);
        disqualifyingMotives = disqualifyingMotives == null ? Set.of() : Set.copyOf(disqualifyingMotives);
        branchSelectors = branchSelectors == null ? Set.of() : Set.copyOf(branchSelectors);
    }

    /**
     * The values in a clinic's words: by value, by fact ({@code fact=value}) where a word means something else for
     * one fact, and the words for verdicts, obligations and HIPAA statuses.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Labels(Map<String, String> values, Map<String, String> byFact, Map<String, String> verdicts,
            Map<String, String> obligations, Map<String, String> obligationStatus, Map<String, String> hipaaStatus) {

        public static final Labels NONE = new Labels(null, null, null, null, null, null);

        public Labels {
            values = values == null ? Map.of() : Map.copyOf(values);
            byFact = byFact == null ? Map.of() : Map.copyOf(byFact);
            verdicts = verdicts == null ? Map.of() : Map.copyOf(verdicts);
            obligations = obligations == null ? Map.of() : Map.copyOf(obligations);
            obligationStatus = obligationStatus == null ? Map.of() : Map.copyOf(obligationStatus);
            hipaaStatus = hipaaStatus == null ? Map.of() : Map.copyOf(hipaaStatus);
        }
    }

    /** A fact the worksheet asks for (or the engine derives). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Fact(String id, String type, List<String> values, String cfr, String question, String asksWhen,
            boolean derived, List<String> derivedFrom, String rule, String defaultValue, String note) {
        public Fact {
            values = values == null ? List.of() : List.copyOf(values);
            derivedFrom = derivedFrom == null ? List.of() : List.copyOf(derivedFrom);
        }
    }

    /** A question of a condition: its fact, words, type, values and when it is asked. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Question(String fact, String question, String type, List<String> values, String asksWhen) {
        public Question {
            values = values == null ? List.of() : List.copyOf(values);
        }
    }

    /** A condition: one CFR paragraph, its verification mark (V, S or U) and its questions. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Condition(String id, String exception, String cfr, String mark, LocalDate effectiveDate, String title,
            String requirement, String rule, List<String> facts, List<Question> questions, String asksWhen,
            List<String> documentation, String hti5) {
        public Condition {
            facts = facts == null ? List.of() : List.copyOf(facts);
            questions = questions == null ? List.of() : List.copyOf(questions);
            documentation = documentation == null ? List.of() : List.copyOf(documentation);
        }

        /** U: the wording is unverified; counsel should review it before the clinic relies on it. */
        public boolean unverified() {
            return "U".equalsIgnoreCase(mark);
        }
    }

    /** An exception of Part 171 and how its conditions combine. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ExceptionRule(String id, String name, String cfr, String requires, List<String> conditions,
            List<String> documentation, String hti5) {
        public ExceptionRule {
            conditions = conditions == null ? List.of() : List.copyOf(conditions);
            documentation = documentation == null ? List.of() : List.copyOf(documentation);
        }

        /** "171.201 Preventing Harm" */
        public String label() {
            return id + " " + name;
        }
    }

    /** An exception that can cover a practice, optionally limited to some of its branches (conditions). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Candidate(String exception, Set<String> branches) {
        public Candidate {
            branches = branches == null ? Set.of() : Set.copyOf(branches);
        }
    }

    public Optional<Fact> fact(String id) {
        return facts.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    public Optional<Condition> condition(String id) {
        return conditions.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public Optional<ExceptionRule> exception(String id) {
        return exceptions.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** The values a fact may take, in the catalog's order (empty for a fact the catalog does not have). */
    public List<String> valuesOf(String factId) {
        return fact(factId).map(Fact::values).orElse(List.of());
    }
}
