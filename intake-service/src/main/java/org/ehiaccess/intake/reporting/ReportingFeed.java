package org.ehiaccess.intake.reporting;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ehiaccess.intake.clock.RequestClock;
import org.ehiaccess.intake.complaint.Complaint;
import org.ehiaccess.intake.request.EhiRequest;
import org.ehiaccess.intake.request.RequestStatus;
import org.ehiaccess.platform.reporting.ReportingEvents;

/**
 * intake-service's domain events for reporting-service, written to the outbox in the transaction of each change (the
 * request's timeline, its clocks and alerts, and complaints call it). Codes, ids and instants only: never the patient,
 * the requester, notes, a complaint's allegation or its resolution (free text; a complaint's outcome is sent only when
 * its status says it, withdrawn).
 */
@ApplicationScoped
public class ReportingFeed {

    /** An account id as reporting-service accepts it; an assignee written as anything else (a name) is not sent. */
    private static final Pattern ACCOUNT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    @Inject
    ReportingEvents events;

    @Inject
    Clock clock;

    /** A request was logged: it counts from its receipt; its first clocks start with it. */
    public void received(EhiRequest request) {
        events.publish("request.received", request.id, request.receivedAt, data("channel", request.channel,
                "requesterType", request.requesterType, "status", request.status));
        RequestClock.of(request.id).forEach(this::clockStarted);
    }

    /** A field of the request changed; only the coded ones reporting counts by are sent. */
    public void changed(EhiRequest request, String field, Object after) {
        switch (field) {
            case "channel", "requesterType" -> events.publish("request.changed", request.id, data(field, after));
            case "status" -> statusChanged(request, (RequestStatus) after);
            case "assignee" -> events.publish("request.assigned", request.id,
                    after != null && ACCOUNT_ID.matcher(after.toString()).matches()
                            ? data("assigneeId", after) : Map.of());
            default -> {
                // details reporting does not count (and free text it must never receive)
            }
        }
    }

    /** A fulfillment dates from when the records went out (it may be recorded later); anything else from now. */
    private void statusChanged(EhiRequest request, RequestStatus to) {
        boolean fulfilled = to == RequestStatus.fulfilled || to == RequestStatus.partially_fulfilled;
        Instant at = fulfilled && request.fulfilledAt != null ? request.fulfilledAt : clock.instant();
        events.publish("request.status_changed", request.id, at, data("status", to));
    }

    /** A clock started, or its deadline moved (an extension): the new deadline replaces the old one. */
    public void clockStarted(RequestClock started) {
        events.publish("clock.started", started.requestId, data("clock", started.kind, "dueAt", started.dueAt));
    }

    public void clockMet(RequestClock met) {
        events.publish("clock.met", met.requestId, met.metAt, data("clock", met.kind));
    }

    /** An alert about a clock; the overdue one also reports the clock missed. */
    public void alertRaised(RequestClock alerted, boolean overdue, int threshold) {
        events.publish("alert.raised", alerted.requestId, data("clock", alerted.kind,
                "level", overdue ? "overdue" : "threshold_" + threshold, "dueAt", alerted.dueAt));
        if (overdue) {
            events.publish("clock.missed", alerted.requestId, data("clock", alerted.kind, "dueAt", alerted.dueAt));
        }
    }

    public void complaintLogged(Complaint complaint) {
        Map<String, Object> data = complaintData(complaint);
        data.put("complaintSource", complaint.source);
        if (data.get("linkedRequestId") == null) {
            data.remove("linkedRequestId");
        }
        events.publishComplaint("complaint.logged", complaint.id, complaint.createdAt, data);
    }

    /** The latest status, outcome and link; a complaint no longer linked sends {@code linkedRequestId: null}. */
    public void complaintUpdated(Complaint complaint) {
        events.publishComplaint("complaint.updated", complaint.id, clock.instant(), complaintData(complaint));
    }

    /** reporting-service takes one linked request per complaint: the first one linked. */
    private static Map<String, Object> complaintData(Complaint complaint) {
        Map<String, Object> data = data("complaintId", complaint.id, "complaintStatus", complaint.status);
        if (complaint.status == Complaint.Status.withdrawn) {
            data.put("outcome", "withdrawn");
        }
        UUID linked = complaint.requestIds.stream().findFirst().orElse(null);
        data.put("linkedRequestId", linked);
        return data;
    }

    /** Key-value pairs, leaving out those without a value. */
    private static Map<String, Object> data(Object... pairs) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                data.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return data;
    }
}
