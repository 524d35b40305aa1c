package org.ehiaccess.intake.clock;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ehiaccess.intake.decision.DecisionSupport;
import org.ehiaccess.intake.reporting.ReportingFeed;
import org.ehiaccess.intake.settings.ClinicSettings;
import org.ehiaccess.intake.request.EhiRequest;
import org.ehiaccess.intake.request.RequestStatus;
import org.ehiaccess.intake.request.Timeline;

/**
 * Keeps a request's clocks in step with its receipt, requester, extension and status, and keeps the
 * request's {@code next_due_at}/{@code next_warn_at} (what the log sorts and filters on) equal to
 * its earliest open clock. Callers run inside their own transaction.
 */
@ApplicationScoped
public class ClockService {

    @Inject
    Timeline timeline;

    @Inject
    ReportingFeed reporting;

    /**
     * The clocks of a request being logged, not yet saved, with the request's next due date set from
     * them: a new request is inserted once, with no follow-up update.
     */
    public List<RequestClock> firstClocks(EhiRequest request, ClinicSettings settings) {
        List<Integer> thresholds = settings.responsePolicy.alertThresholds();
        List<RequestClock> first = new ClockPlanner(settings).standardClocks(request.receivedAt,
                request.requesterType, request.mannerRequested, request.isExtended()).stream()
                .map(plan -> {
                    RequestClock clock = new RequestClock();
                    clock.id = UUID.randomUUID();
                    clock.requestId = request.id;
                    copy(plan, clock, thresholds);
                    return clock;
                }).toList();
        setNextDue(request, first);
        return first;
    }

    /** Sets the standard clocks from the current settings; met clocks keep their history. */
    public void applyStandardClocks(EhiRequest request, ClinicSettings settings) {
        ClockPlanner planner = new ClockPlanner(settings);
        List<ClockPlan> plans = planner.standardClocks(request.receivedAt, request.requesterType,
                request.mannerRequested, request.isExtended());
        Map<ClockKind, RequestClock> existing = RequestClock.of(request.id).stream()
                .collect(Collectors.toMap(c -> c.kind, Function.identity()));
        List<Integer> thresholds = settings.responsePolicy.alertThresholds();
        for (ClockPlan plan : plans) {
            RequestClock current = existing.remove(plan.kind());
            if (current == null) {
                reporting.clockStarted(save(request, plan, thresholds));
            } else if (current.metAt == null) {
                boolean moved = !current.dueAt.equals(plan.dueAt());
                if (!current.dueOn.equals(plan.dueOn())) {
                    timeline.change(request, "clock " + plan.kind(), current.dueOn, plan.dueOn());
                }
                copy(plan, current, thresholds);
                if (moved) {
                    reporting.clockStarted(current);
                }
            }
        }
        for (RequestClock other : existing.values()) {
            if (other.metAt != null) {
                continue;
            }
            if (other.kind.metByClosing()) {
                // a standard clock that no longer applies (e.g. the requester type changed) goes
                other.delete();
            } else {
                // a decision's clock keeps its due date but follows the clinic's warning thresholds
                other.scheduleNextAlert(thresholds);
            }
        }
        refreshNextDue(request);
    }

    /** Adds (or restarts) a clock such as the 171.204(b) infeasibility notice. */
    public RequestClock start(EhiRequest request, ClockPlan plan, List<Integer> thresholds) {
        RequestClock clock = RequestClock.find("requestId = ?1 and kind = ?2", request.id, plan.kind()).firstResult();
        if (clock == null) {
            clock = save(request, plan, thresholds);
        } else {
            // a clock met earlier starts again (e.g. a new review is requested): its warnings start over too
            clock.metAt = null;
            clock.alertedThreshold = 0;
            copy(plan, clock, thresholds);
        }
        timeline.record(request, "clock_started", plan.label() + ", due " + plan.dueOn());
        reporting.clockStarted(clock);
        refreshNextDue(request);
        return clock;
    }

    /**
     * Marks the clocks that closing the request answers (internal, HIPAA, state) as met. A denial, whole or partial,
     * answers the HIPAA clock only with a signed decision supporting it and the written denial sent
     * (164.524(b)(2), (d)(2)); until then that clock stays open. {@code decision}: decision-service's answer for a
     * denial, null for any other status.
     */
    public void meetOnClose(EhiRequest request, Instant at, DecisionSupport decision) {
        RequestClock.<RequestClock>list("requestId = ?1 and metAt is null", request.id).stream()
                .filter(c -> c.kind.metByClosing())
                .forEach(c -> {
                    if (c.kind == ClockKind.hipaa_access && !answersHipaaClock(request.status, decision)) {
                        timeline.record(request, "clock_open", c.label + " stays open until the written denial"
                                + " is sent (164.524(d)(2))");
                        return;
                    }
                    c.metAt = at;
                    c.nextAlertAt = null;
                    reporting.clockMet(c);
                });
        refreshNextDue(request);
    }

    /** The one rule of when closing a request answers the HIPAA clock; see {@link #meetOnClose}. */
    public static boolean answersHipaaClock(RequestStatus status, DecisionSupport decision) {
        if (!status.needsSupportingDecision()) {
            return true;
        }
        return decision != null && decision.supported() && decision.denialLetterSent();
    }

    /** A closed denial's HIPAA clock still waiting for the written denial: met later, by sending the letter. */
    public static boolean waitsForWrittenDenial(EhiRequest request, RequestClock clock) {
        return clock.kind == ClockKind.hipaa_access && clock.metAt == null && !request.status.isOpen()
                && request.status.needsSupportingDecision();
    }

    public void meet(EhiRequest request, RequestClock clock, Instant at) {
        clock.metAt = at;
        clock.nextAlertAt = null;
        timeline.record(request, "clock_met", clock.label);
        reporting.clockMet(clock);
        refreshNextDue(request);
    }

    void refreshNextDue(EhiRequest request) {
        setNextDue(request, RequestClock.list("requestId = ?1 and metAt is null", request.id));
    }

    private static void setNextDue(EhiRequest request, List<RequestClock> clocks) {
        RequestClock next = clocks.stream()
                .filter(c -> c.metAt == null)
                .min(Comparator.comparing((RequestClock c) -> c.dueAt))
                .orElse(null);
        request.nextDueAt = next == null ? null : next.dueAt;
        request.nextWarnAt = next == null ? null : next.warnAt;
    }

    private RequestClock save(EhiRequest request, ClockPlan plan, List<Integer> thresholds) {
        RequestClock clock = new RequestClock();
        clock.id = UUID.randomUUID();
        clock.requestId = request.id;
        copy(plan, clock, thresholds);
        clock.persist();
        return clock;
    }

    private static void copy(ClockPlan plan, RequestClock clock, List<Integer> thresholds) {
        clock.kind = plan.kind();
        clock.label = plan.label();
        clock.cfr = plan.cfr();
        clock.startedAt = plan.startedAt();
        clock.dueOn = plan.dueOn();
        clock.dueAt = plan.dueAt();
        clock.warnAt = plan.warnAt();
        clock.scheduleNextAlert(thresholds);
    }
}
