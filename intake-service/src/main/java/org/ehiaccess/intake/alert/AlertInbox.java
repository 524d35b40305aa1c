package org.ehiaccess.intake.alert;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ehiaccess.intake.request.EhiRequest;
import org.ehiaccess.intake.request.Cursor;
import org.ehiaccess.platform.clinic.ClinicContext;
import org.ehiaccess.platform.problem.ProblemException;

/** A supervisor's view of the clinic's alerts, with their own read marks. */
@ApplicationScoped
public class AlertInbox {

    static final String UNREAD = "not exists (select 1 from AlertRead r where r.alertId = a.id and r.username = ?1)";

    @Inject
    ClinicContext clinic;

    @Inject
    Clock clock;

    /** An alert, its request (for the inbox line), and whether the signed-in person has read it. */
    public record Entry(DeadlineAlert alert, EhiRequest request, boolean read) {
    }

    /** A page of the inbox, newest first; {@code next} is the cursor of the following page, or null. */
    public record Page(List<Entry> entries, Cursor next) {
    }

    public Page latest(boolean unreadOnly, Cursor after, int limit) {
        String me = clinic.actor();
        StringBuilder where = new StringBuilder(unreadOnly ? UNREAD : "?1 = ?1");
        List<Object> params = new java.util.ArrayList<>(List.of(me));
        if (after != null) {
            where.append(" and (a.raisedAt < ?2 or (a.raisedAt = ?2 and a.id < ?3))");
            params.add(after.sortValue());
            params.add(after.id());
        }
        List<DeadlineAlert> alerts = new java.util.ArrayList<>(DeadlineAlert.<DeadlineAlert>find(
                "from DeadlineAlert a where " + where + " order by a.raisedAt desc, a.id desc", params.toArray())
                .range(0, limit).list());
        Cursor next = null;
        if (alerts.size() > limit) {
            alerts.remove(limit);
            DeadlineAlert last = alerts.get(limit - 1);
            next = new Cursor(last.raisedAt, last.id);
        }
        List<UUID> ids = alerts.stream().map(a -> a.id).toList();
        Set<UUID> read = readAmong(ids, me);
        Map<UUID, EhiRequest> requests = alerts.isEmpty() ? Map.of()
                : EhiRequest.<EhiRequest>list("id in ?1", alerts.stream().map(a -> a.requestId).distinct().toList())
                        .stream().collect(Collectors.toMap(r -> r.id, r -> r));
        return new Page(alerts.stream().map(a -> new Entry(a, requests.get(a.requestId), read.contains(a.id))).toList(),
                next);
    }

    public long unreadCount() {
        return DeadlineAlert.count("from DeadlineAlert a where " + UNREAD, clinic.actor());
    }

    @Transactional
    public void markRead(UUID alertId) {
        DeadlineAlert.<DeadlineAlert>find("id = ?1", alertId).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Alert " + alertId));
        if (AlertRead.count("alertId = ?1 and username = ?2", alertId, clinic.actor()) == 0) {
            AlertRead read = new AlertRead();
            read.alertId = alertId;
            read.username = clinic.actor();
            read.readAt = clock.instant();
            read.persist();
        }
    }

    private static Set<UUID> readAmong(List<UUID> ids, String me) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return AlertRead.<AlertRead>list("alertId in ?1 and username = ?2", ids, me).stream()
                .map(r -> r.alertId).collect(Collectors.toSet());
    }
}
