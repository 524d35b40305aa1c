package org.ehiaccess.intake.request;

import java.time.Clock;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ehiaccess.intake.reporting.ReportingFeed;
import org.ehiaccess.platform.service.ServiceCall;

/**
 * Appends to a request's timeline: who, when, what, before and after. Never updates or deletes. Every change of a
 * request passes here, so here it is also reported to reporting-service (its coded parts only).
 */
@ApplicationScoped
public class Timeline {

    @Inject
    Clock clock;

    /** A service carrying a person's change (decision-service's effects): the timeline names that person. */
    @Inject
    ServiceCall service;

    @Inject
    ReportingFeed reporting;

    public void record(EhiRequest request, String kind, String detail) {
        recordFor(request.id, kind, detail);
        if ("received".equals(kind)) {
            reporting.received(request);
        }
    }

    public void recordFor(java.util.UUID requestId, String kind, String detail) {
        RequestEvent.of(requestId, clock.instant(), service.actor(), kind, detail).persist();
    }

    /** Records a field change; does nothing when the value did not change. */
    public void change(EhiRequest request, String field, Object before, Object after) {
        if (Objects.equals(before, after)) {
            return;
        }
        RequestEvent event = RequestEvent.of(request.id, clock.instant(), service.actor(), "changed", field);
        event.beforeValue = before == null ? null : before.toString();
        event.afterValue = after == null ? null : after.toString();
        event.persist();
        reporting.changed(request, field, after);
    }
}
