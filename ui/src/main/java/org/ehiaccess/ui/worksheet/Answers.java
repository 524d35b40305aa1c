package org.ehiaccess.ui.worksheet;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ehiaccess.ui.client.decision.DecisionCatalog;
import org.ehiaccess.ui.client.ProblemDetails;

/**
 * Reads a step's answers into the draft: each question the step asked (its fact ID in the hidden {@code asked}
 * fields) by the fact's type. An empty answer ("Not known yet") makes the fact unknown again. A value that cannot be
 * read (a date that is no date) is reported beside its question and nothing is saved.
 */
final class Answers {

    private Answers() {
    }

    /** Applies the answers to {@code draft}; returns messages per fact for the values it could not read. */
    static Map<String, String> apply(FormValues form, DecisionCatalog catalog, Draft draft) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (String factId : form.all("asked")) {
            DecisionCatalog.Fact fact = catalog.fact(factId).orElse(null);
            if (fact == null || fact.derived()) {
                continue;
            }
            List<String> raw = form.all(factId).stream().map(String::strip).toList();
            String first = raw.isEmpty() ? "" : raw.get(0);
            switch (fact.type()) {
                case "bool" -> draft.set(factId, first.isEmpty() ? null : Boolean.valueOf("true".equals(first)));
                case "enum" -> {
                    if (first.isEmpty()) {
                        draft.set(factId, null);
                    } else if (fact.values().contains(first)) {
                        draft.set(factId, first);
                    } else {
                        errors.put(factId, "Choose one of the answers offered.");
                    }
                }
                case "enum[]" -> draft.set(factId, raw.stream().filter(fact.values()::contains).distinct().toList());
                case "int" -> {
                    if (first.isEmpty()) {
                        draft.set(factId, null);
                    } else {
                        try {
                            int value = Integer.parseInt(first);
                            if (value < 0) {
                                errors.put(factId, "Enter a whole number, 0 or more.");
                            } else {
                                draft.set(factId, value);
                            }
                        } catch (NumberFormatException e) {
                            errors.put(factId, "Enter a whole number, for example 3.");
                        }
                    }
                }
                case "date" -> {
                    if (first.isEmpty()) {
                        draft.set(factId, null);
                    } else {
                        try {
                            draft.set(factId, LocalDate.parse(first).toString());
                        } catch (DateTimeParseException e) {
                            errors.put(factId, "Enter a date, for example 2026-03-05.");
                        }
                    }
                }
                default -> draft.set(factId, first.isEmpty() ? null : first);
            }
        }
        return errors;
    }

    /** The API's problem (400) as messages per fact: {@code facts.harm.harm_type} names {@code harm.harm_type}. */
    static Map<String, String> fromProblem(ProblemDetails problem) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (ProblemDetails.FieldProblem p : problem.errors()) {
            String field = p.field() == null ? "" : p.field();
            String fact;
            if (field.startsWith("facts.")) {
                fact = field.substring("facts.".length());
            } else if (field.startsWith("practice.")) {
                fact = switch (field) {
                    case "practice.type" -> Draft.TYPE;
                    case "practice.claimed_basis" -> Draft.BASIS;
                    case "practice.motive" -> Draft.MOTIVE;
                    default -> field;
                };
            } else {
                fact = field;
            }
            errors.merge(fact, p.message(), (a, b) -> a + " " + b);
        }
        return errors;
    }
}
