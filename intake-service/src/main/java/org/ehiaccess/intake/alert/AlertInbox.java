package org.ehiaccess.intake.alert;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

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

    /** An alert and whether the signed-in person has read it. */
    public record Entry(DeadlineAlert alert, boolean read) {
    }

    public List<Entry> latest(boolean unreadOnly, int limit) {
        String me = clinic.actor();
        List<DeadlineAlert> alerts = DeadlineAlert.<DeadlineAlert>find(
                "from DeadlineAlert a" + (unreadOnly ? " where " + UNREAD : " where ?1 = ?1")
                        + " order by a.raisedAt desc, a.id desc", me)
                .page(0, limit).list();
        Set<UUID> read = readAmong(alerts.stream().map(a -> a.id).toList(), me);
        return alerts.stream().map(a -> new Entry(a, read.contains(a.id))).toList();
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
