package org.ehiaccess.ui.worksheet;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ehiaccess.ui.client.decision.DecisionCatalog;
import org.ehiaccess.ui.client.decision.DecisionQuestions;
import org.ehiaccess.ui.client.decision.DecisionVerdict;

/**
 * The Request Resolution Worksheet's steps for one case, from the catalog and the answers so far (regulation.md §8):
 * (1) can the clinic fulfil the request as asked; (2) if not, partly or in another manner (171.301); (3) which
 * exception, and then every one of its conditions, one step each, with the questions whose {@code asks_when} holds;
 * the HIPAA right of access where it applies; a last look. Branch selectors (which (a) condition of 171.204, which
 * privacy sub-exception, ...) get their own step before the conditions they choose between.
 */
final class WorksheetPlan {

    static final String REQUEST = "request";
    static final String FULFIL = "fulfil";
    static final String PARTIAL = "partial";
    static final String PRACTICE = "practice";
    static final String HIPAA = "hipaa";
    static final String REVIEW = "review";

    /** The practice type step (1) stands for: fulfilling as requested. */
    static final String AS_REQUESTED = "fulfill_as_requested";

    /** One choice of a question. */
    public record Option(String value, String label, boolean checked, String inputId) {
    }

    /** One question as the page asks it: a label, the input's name and id, its choices, what was answered. */
    public record Question(String fact, String text, String type, String cfr, String inputId, List<Option> options,
            String value, boolean answered, String answerText, String error) {

        public boolean isBool() {
            return "bool".equals(type);
        }

        public boolean isEnum() {
            return "enum".equals(type);
        }

        public boolean isMulti() {
            return "enum[]".equals(type);
        }

        public boolean isDate() {
            return "date".equals(type);
        }

        public boolean isInt() {
            return "int".equals(type);
        }

        public boolean isText() {
            return !isBool() && !isEnum() && !isMulti() && !isDate() && !isInt();
        }

        /** Long lists read better as a select than as a column of radio buttons. */
        public boolean useSelect() {
            return isEnum() && options.size() > 10;
        }

        public boolean hasError() {
            return error != null && !error.isBlank();
        }

        /** What the clinic does and why is always chosen; any other answer may be "not known yet". */
        public boolean offersUnknown() {
            return !fact.startsWith("practice.");
        }
    }

    /** One step: the condition (or question group) it settles, its CFR paragraph and mark, and its questions. */
    public record Step(String id, String number, String kind, String title, String cfr, String mark,
            String requirement, String hti5, List<Question> questions, boolean done) {

        /** U: unverified wording; have counsel review before relying on it. */
        public boolean unverified() {
            return "U".equalsIgnoreCase(mark);
        }

        public boolean isCondition() {
            return "condition".equals(kind) || "selector".equals(kind) || "hipaa".equals(kind) || "practice".equals(kind)
                    || "request".equals(kind);
        }

        public boolean autosaves() {
            return isCondition();
        }

        public String anchor() {
            return "step-" + id.replace('.', '-');
        }
    }

    private final List<Step> steps;
    private final Step requestStep;

    private WorksheetPlan(List<Step> steps, Step requestStep) {
        this.steps = List.copyOf(steps);
        this.requestStep = requestStep;
    }

    List<Step> steps() {
        return steps;
    }

    Step requestStep() {
        return requestStep;
    }

    Optional<Step> step(String id) {
        if (REQUEST.equals(id)) {
            return Optional.of(requestStep);
        }
        return steps.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The step to show: the one asked for if it exists, else the first not yet done, else the last look. */
    Step current(String requested) {
        if (requested != null) {
            Optional<Step> asked = step(requested);
            if (asked.isPresent()) {
                return asked.get();
            }
        }
        return steps.stream().filter(s -> !s.done() && !REVIEW.equals(s.id())).findFirst().orElse(last());
    }

    /** The step after {@code id}: the first later one not yet done, else the last look. */
    Step after(String id) {
        int at = -1;
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).id().equals(id)) {
                at = i;
            }
        }
        if (at < 0) {
            return current(null);
        }
        for (int i = at + 1; i < steps.size(); i++) {
            if (!steps.get(i).done() || REVIEW.equals(steps.get(i).id())) {
                return steps.get(i);
            }
        }
        return last();
    }

    Step last() {
        return steps.get(steps.size() - 1);
    }

    /**
     * Builds the plan. {@code asked}: which questions decision-service says to ask for these answers (it reads the
     * catalog's asks_when); {@code errors}: messages per fact from a refused save.
     */
    static WorksheetPlan of(DecisionCatalog catalog, Draft draft, DecisionVerdict verdict, DecisionQuestions asked,
            Map<String, String> errors, boolean showPractice) {
        Map<String, Object> answers = draft.answers();
        List<Step> steps = new ArrayList<>();
        String type = draft.type();
        boolean fulfil = AS_REQUESTED.equals(type);
        List<String> requestFacts = Draft.requestFacts(catalog);
        // step (3) offers the catalog's other practice types
        List<String> otherPractices = catalog.valuesOf(Draft.TYPE).stream().filter(v -> !AS_REQUESTED.equals(v)).toList();
        // decision-service lists the 164.524 questions only where the right of access applies (hipaa.applies)
        boolean hipaa = draft.hasType() && !asked.hipaa().isEmpty();
        steps.add(new Step(FULFIL, "1", "fulfil", "Can the clinic fulfil the request as asked?", "171.301(a)", "V",
                "All of the information requested, in the manner requested, without delay.", null, List.of(),
                draft.hasType()));
        Set<String> placed = new HashSet<>(List.of(Draft.TYPE, Draft.BASIS, Draft.MOTIVE, Draft.AS_OF,
                "actor.type", "actor.is_hipaa_covered_entity", "ruleset.version"));
        for (String fact : requestFacts) {
            if (draft.has(fact)) {
                placed.add(fact);
            }
        }
        if (!fulfil || showPractice) {
            steps.add(new Step(PARTIAL, "2", "partial", "If not, can it fulfil part of it, or in another manner?",
                    "171.301(b)", "V", "The Manner exception and partial fulfillment come before any denial.", null,
                    List.of(), draft.hasType() && !fulfil));
            List<Question> practice = new ArrayList<>();
            practice.add(question(catalog, Draft.TYPE, draft, answers, errors, otherPractices));
            practice.add(question(catalog, Draft.BASIS, draft, answers, errors, null));
            practice.add(question(catalog, Draft.MOTIVE, draft, answers, errors, null));
            steps.add(new Step(PRACTICE, "3", "practice", "What will the clinic do, and on what basis?", null, null,
                    "Name the exception the clinic relies on, or none to check every exception that could apply.",
                    null, practice, draft.hasType() && !fulfil));
        }
        if (draft.hasType() && !fulfil) {
            int n = 1;
            Set<String> inPlan = new LinkedHashSet<>();
            for (DecisionCatalog.Condition condition : focus(catalog, draft, verdict)) {
                condition.questions().forEach(q -> inPlan.add(q.fact()));
            }
            for (DecisionCatalog.Condition condition : focus(catalog, draft, verdict)) {
                DecisionQuestions.Asked conditionAsked = asked.condition(condition.id());
                String selector = conditionAsked.dependsOn();
                if (selector != null && !placed.contains(selector) && catalog.fact(selector).isPresent()) {
                    placed.add(selector);
                    Question q = question(catalog, selector, draft, answers, errors, null);
                    steps.add(new Step("s-" + selector, "3." + n++, "selector", q.text(),
                            catalog.fact(selector).map(DecisionCatalog.Fact::cfr).orElse(null), null,
                            "This answer decides which of the conditions below apply.", null, List.of(q), q.answered()));
                }
                if (!conditionAsked.asked()) {
                    continue;
                }
                List<Question> questions = new ArrayList<>();
                for (DecisionCatalog.Question q : condition.questions()) {
                    if (placed.contains(q.fact()) || catalog.fact(q.fact()).map(DecisionCatalog.Fact::derived).orElse(false)) {
                        continue;
                    }
                    if (!visible(asked.fact(q.fact()), answers, inPlan)) {
                        continue;
                    }
                    placed.add(q.fact());
                    questions.add(question(catalog, q.fact(), draft, answers, errors, null));
                }
                // the facts it reads whose question is not shown yet still belong to this step
                condition.questions().forEach(q -> {
                    if (!asked.fact(q.fact()).notAsked()) {
                        placed.add(q.fact());
                    }
                });
                if (questions.isEmpty()) {
                    continue;
                }
                boolean done = questions.stream().allMatch(Question::answered);
                steps.add(new Step("c-" + condition.id(), "3." + n++, "condition", condition.title(), condition.cfr(),
                        condition.mark(), condition.requirement(), condition.hti5(), questions, done));
            }
        }
        if (hipaa) {
            List<String> facts = asked.hipaa();
            List<Question> questions = new ArrayList<>();
            for (String fact : facts) {
                Optional<DecisionCatalog.Fact> definition = catalog.fact(fact);
                if (placed.contains(fact) || definition.isEmpty()
                        || !visible(asked.fact(fact), answers, Set.copyOf(facts))) {
                    continue;
                }
                placed.add(fact);
                questions.add(question(catalog, fact, draft, answers, errors, null));
            }
            if (!questions.isEmpty()) {
                steps.add(new Step(HIPAA, "4", "hipaa", "The HIPAA right of access", "164.524", "V",
                        "The individual's right of access runs beside Part 171: a written denial with its basis, review"
                                + " rights and how to complain, on time.",
                        null, questions, questions.stream().allMatch(Question::answered)));
            }
        }
        steps.add(new Step(REVIEW, hipaa ? "5" : "4", "review",
                "Check the answers and go to the decision", null, null, null, null, List.of(), false));

        List<Question> request = new ArrayList<>();
        for (String fact : requestFacts) {
            Optional<DecisionCatalog.Fact> definition = catalog.fact(fact);
            if (definition.isPresent() && visible(asked.fact(fact), answers, Set.of())) {
                request.add(question(catalog, fact, draft, answers, errors, null));
            }
        }
        request.add(question(catalog, Draft.AS_OF, draft, answers, errors, null));
        Step requestStep = new Step(REQUEST, "", "request", "The request's facts", null, null,
                "Filled in from the request log. Correct them here for this analysis; the request itself is not changed.",
                null, request, true);
        return new WorksheetPlan(steps, requestStep);
    }

    /** Shown when decision-service says it is asked, or when what it waits for is asked nowhere in this plan. */
    private static boolean visible(DecisionQuestions.Asked asked, Map<String, Object> answers, Collection<String> inPlan) {
        if (asked.asked()) {
            return true;
        }
        if (asked.notAsked()) {
            return false;
        }
        String dependsOn = asked.dependsOn();
        return dependsOn != null && !inPlan.contains(dependsOn) && !answers.containsKey(dependsOn)
                && !dependsOn.startsWith("request.");
    }

    /**
     * The conditions the worksheet walks: the claimed exception's (limited to the claimed branch), RL-1 when the law
     * is claimed, or, with no basis claimed, the conditions still missing a fact that could make an exception apply.
     */
    static List<DecisionCatalog.Condition> focus(DecisionCatalog catalog, Draft draft, DecisionVerdict verdict) {
        String basis = draft.basis();
        List<DecisionCatalog.Condition> conditions = new ArrayList<>();
        if ("required_by_law".equals(basis)) {
            catalog.condition("RL-1").ifPresent(conditions::add);
            return conditions;
        }
        if (basis != null && !"none".equals(basis)) {
            DecisionCatalog.Candidate claimed = catalog.claimedBasis().get(basis);
            if (claimed != null) {
                catalog.exception(claimed.exception()).ifPresent(exception -> {
                    for (String id : exception.conditions()) {
                        if (claimed.branches().isEmpty() || claimed.branches().contains(id)) {
                            catalog.condition(id).ifPresent(conditions::add);
                        }
                    }
                });
            }
            return conditions;
        }
        if (verdict == null || verdict.missingFacts().isEmpty()) {
            return conditions;
        }
        Set<String> missing = Set.copyOf(verdict.missingFacts());
        for (DecisionCatalog.Condition condition : catalog.conditions()) {
            boolean reads = condition.facts().stream().anyMatch(missing::contains)
                    || condition.questions().stream().anyMatch(q -> missing.contains(q.fact()));
            if (reads && condition.exception() != null) {
                conditions.add(condition);
            }
        }
        return conditions;
    }

    /** One question with its choices and the answer so far. {@code only}: limit an enum to these values. */
    static Question question(DecisionCatalog catalog, String factId, Draft draft, Map<String, Object> answers,
            Map<String, String> errors, List<String> only) {
        DecisionCatalog.Fact fact = catalog.fact(factId).orElse(new DecisionCatalog.Fact(factId, "string", List.of(),
                null, factId, null, false, List.of(), null, null, null));
        String inputId = "q-" + factId.replace('.', '-');
        Object value = draft.get(factId);
        List<Option> options = new ArrayList<>();
        String type = fact.type();
        if ("bool".equals(type)) {
            options.add(new Option("true", "Yes", Boolean.TRUE.equals(value), inputId + "-yes"));
            options.add(new Option("false", "No", Boolean.FALSE.equals(value), inputId + "-no"));
            options.add(new Option("", "Not known yet", value == null, inputId + "-unknown"));
        } else if ("enum".equals(type) || "enum[]".equals(type)) {
            for (String v : fact.values()) {
                if (only != null && !only.contains(v)) {
                    continue;
                }
                boolean checked = value instanceof Collection<?> c ? c.contains(v) : v.equals(String.valueOf(value));
                options.add(new Option(v, Labels.value(factId, v), checked, inputId + "-" + v.replace('_', '-')));
            }
        }
        boolean answered = draft.has(factId) || (Draft.BASIS.equals(factId)) || (Draft.MOTIVE.equals(factId) && draft.hasType());
        if (Draft.BASIS.equals(factId) && value == null) {
            // the catalog's default: no basis chosen
            options = options.stream().map(o -> new Option(o.value(), o.label(), "none".equals(o.value()), o.inputId())).toList();
        }
        String text = fact.question() == null ? factId : fact.question();
        return new Question(factId, text, type, fact.cfr(), inputId, List.copyOf(options),
                value == null ? "" : String.valueOf(value), answered, answerText(factId, type, value), errors.get(factId));
    }

    static String answerText(String factId, String type, Object value) {
        if (value == null) {
            return "Not known yet";
        }
        if (value instanceof Boolean b) {
            return b ? "Yes" : "No";
        }
        if (value instanceof Collection<?> values) {
            return values.isEmpty() ? "None" : String.join("; ", values.stream().map(v -> Labels.value(factId, String.valueOf(v))).toList());
        }
        if ("enum".equals(type)) {
            return Labels.value(factId, String.valueOf(value));
        }
        if ("date".equals(type)) {
            try {
                return java.time.format.DateTimeFormatter.ofPattern("MMM d, yyyy", java.util.Locale.US)
                        .format(java.time.LocalDate.parse(String.valueOf(value)));
            } catch (java.time.format.DateTimeParseException e) {
                return String.valueOf(value);
            }
        }
        return String.valueOf(value);
    }
}
