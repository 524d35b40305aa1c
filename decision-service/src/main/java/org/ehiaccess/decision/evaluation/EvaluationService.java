package org.ehiaccess.decision.evaluation;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ehiaccess.decision.clinic.ClinicCalendars;
import org.ehiaccess.decision.engine.CaseInput;
import org.ehiaccess.decision.engine.DecisionEngine;
import org.ehiaccess.decision.engine.Evaluation;
import org.ehiaccess.decision.engine.FactValidator;
import org.ehiaccess.platform.clinic.ClinicContext;
import org.ehiaccess.platform.problem.Problem;
import org.ehiaccess.platform.problem.ProblemException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;

/** Evaluates a case {@code {"practice": {...}, "facts": {...}}} for the signed-in clinic. Stateless. */
@ApplicationScoped
public class EvaluationService {

    @Inject
    DecisionEngine engine;

    @Inject
    ClinicCalendars calendars;

    @Inject
    ClinicContext clinic;

    @Inject
    ObjectMapper json;

    @Inject
    MeterRegistry metrics;

    public Evaluation evaluate(JsonNode body) {
        return evaluate(validate(body));
    }

    public Evaluation evaluate(CaseInput input) {
        Evaluation evaluation = engine.evaluate(input, calendars.forClinic(clinic.clinicId()));
        // verdicts by ruleset only: never a fact, never a clinic's case
        metrics.counter("decision.evaluations", "verdict", evaluation.verdict().json(), "ruleset", evaluation.ruleset())
                .increment();
        return evaluation;
    }

    /** The typed case, or 400 naming every bad field at once. */
    public CaseInput validate(JsonNode body) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw ProblemException.invalid("body", "must be an object with practice and facts");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!"practice".equals(name) && !"facts".equals(name)) {
                errors.add(new Problem.FieldError(name, "is not a known field; send practice and facts"));
            }
        }
        FactValidator.Result result = engine.validator().validate(
                json.convertValue(body.get("practice"), Object.class),
                json.convertValue(body.get("facts"), Object.class));
        result.errors().forEach(error -> errors.add(new Problem.FieldError(error.field(), error.message())));
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return result.input();
    }
}
