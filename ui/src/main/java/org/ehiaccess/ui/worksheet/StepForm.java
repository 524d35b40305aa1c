package org.ehiaccess.ui.worksheet;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.ehiaccess.ui.client.decision.DecisionCatalog;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The fixed fields of a worksheet step's form: which step, which button ({@code go=next}; none for a save as the
 * person answers), the draft it was made on (id and ETag, sent as If-Match) and the key that creates the draft once.
 * The answers themselves are named by fact ID and read with {@link FormValues}.
 */
public class StepForm {

    @RestForm
    public String step;

    @RestForm
    public String go;

    @RestForm
    public String assessmentId;

    @RestForm
    public String etag;

    @RestForm
    public String idempotencyKey;

    @RestForm
    public String fulfil;

    @RestForm
    public String partial;

    /** The matrix row chosen as a starting point. */
    @RestForm
    public String row;

    UUID assessment() {
        try {
            return assessmentId == null || assessmentId.isBlank() ? null : UUID.fromString(assessmentId.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    boolean continues() {
        return go != null && !go.isBlank();
    }

    String key() {
        return idempotencyKey == null || idempotencyKey.isBlank() ? UUID.randomUUID().toString() : idempotencyKey.strip();
    }

    /** What an answer did: the refused fields and why, the step to go to (null: the plan decides), the facts asked. */
    record Applied(Map<String, String> errors, String nextStep, Set<String> asked) {
    }

    /**
     * Puts this step's answers into the draft: steps (1) and (2) (fulfil as asked? partly or another way?) set the
     * practice type; every other step's answers are facts, read by fact ID.
     */
    Applied applyTo(Draft draft, DecisionCatalog catalog, String stepId) {
        Map<String, String> errors = new LinkedHashMap<>();
        String nextStep = null;
        Set<String> asked = new HashSet<>();
        switch (stepId) {
            case WorksheetPlan.FULFIL -> {
                if ("yes".equals(fulfil)) {
                    draft.setType("fulfill_as_requested");
                    draft.setBasis("none");
                    draft.setMotives(List.of());
                } else if ("no".equals(fulfil)) {
                    nextStep = WorksheetPlan.PARTIAL;
                } else {
                    errors.put("fulfil", "Choose Yes or No.");
                }
            }
            case WorksheetPlan.PARTIAL -> {
                if ("another_manner".equals(partial)) {
                    draft.setType("alternative_manner");
                    if (draft.basis() == null || "none".equals(draft.basis())) {
                        draft.setBasis("manner");
                    }
                    nextStep = WorksheetPlan.PRACTICE;
                } else if ("part".equals(partial)) {
                    draft.setType("limit_scope");
                    // what is withheld needs its basis: step (3)
                    nextStep = WorksheetPlan.PRACTICE;
                } else if ("no".equals(partial)) {
                    nextStep = WorksheetPlan.PRACTICE;
                    if ("fulfill_as_requested".equals(draft.type())) {
                        draft.setType(null);
                    }
                } else {
                    errors.put("partial", "Choose one of the three answers.");
                }
            }
            default -> {
                FormValues values = FormValues.current();
                asked.addAll(values.all("asked"));
                errors.putAll(Answers.apply(values, catalog, draft));
                if (WorksheetPlan.PRACTICE.equals(stepId) && !draft.hasType() && continues()) {
                    errors.put(Draft.TYPE, "Choose what the clinic will do.");
                }
            }
        }
        return new Applied(errors, nextStep, asked);
    }
}
