package org.ehiaccess.intake.effects;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ehiaccess.intake.clock.ClockKind;
import org.ehiaccess.intake.clock.ClockService;
import org.ehiaccess.intake.clock.ClockStart;
import org.ehiaccess.intake.clock.RequestClock;
import org.ehiaccess.intake.effects.Effect.Step;
import org.ehiaccess.intake.effects.Effect.StepType;
import org.ehiaccess.intake.request.EhiRequest;
import org.ehiaccess.intake.request.RequestChanges;
import org.ehiaccess.intake.request.RequestLogService;
import org.ehiaccess.intake.request.Timeline;
import org.ehiaccess.platform.idempotency.IdempotencyKeys;
import org.ehiaccess.platform.problem.Problem.FieldError;
import org.ehiaccess.platform.problem.ProblemException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Applies another service's effect on a request exactly once: the effect id is claimed as an idempotency key in the
 * same transaction as its steps, so a resend (a relay that crashed before marking it sent, or ran twice) changes
 * nothing, and a concurrent resend waits for the first and then finds it applied.
 */
@ApplicationScoped
public class EffectService {

    static final String SCOPE = "internal-effect";
    /** The clocks a decision brings; the others start and end with the request. */
    static final List<ClockKind> DECISION_CLOCKS = List.of(ClockKind.infeasibility_notice, ClockKind.denial_review);

    @Inject
    IdempotencyKeys idempotency;

    @Inject
    RequestLogService log;

    @Inject
    RequestChanges changes;

    @Inject
    ClockService clocks;

    @Inject
    Timeline timeline;

    @Inject
    java.time.Clock clock;

    @Inject
    ObjectMapper json;

    /** Returns false when the effect had already been applied. */
    @Transactional
    public boolean apply(Effect effect) {
        check(effect.steps());
        EhiRequest request = log.get(effect.requestId());
        if (!idempotency.claim(effect.id().toString(), SCOPE, fingerprint(effect), effect.id()).created()) {
            return false;
        }
        for (Step step : effect.steps()) {
            switch (step.type()) {
                case note -> timeline.record(request, "note", step.text().strip());
                case start_clock -> changes.startClock(request.id, new ClockStart(step.clock()));
                case meet_clock -> {
                    // the effect says the clock has stopped running: a clock that is not running stays as it is
                    RequestClock running = RequestClock.<RequestClock>find("requestId = ?1 and kind = ?2 and metAt is null",
                            request.id, step.clock()).firstResult();
                    if (running != null) {
                        clocks.meet(request, running, clock.instant());
                    }
                }
            }
        }
        return true;
    }

    private static void check(List<Step> steps) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            String at = "steps[" + i + "]";
            if (step.type() == StepType.note && (step.text() == null || step.text().isBlank())) {
                errors.add(new FieldError(at + ".text", "must not be blank for a note"));
            }
            if (step.type() != StepType.note && !DECISION_CLOCKS.contains(step.clock())) {
                errors.add(new FieldError(at + ".clock", "must be infeasibility_notice or denial_review"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private String fingerprint(Effect effect) {
        try {
            return json.writeValueAsString(effect);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
