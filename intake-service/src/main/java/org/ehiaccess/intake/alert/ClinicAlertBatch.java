package org.ehiaccess.intake.alert;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.ehiaccess.intake.clock.AlertThresholds;
import org.ehiaccess.intake.clock.RequestClock;
import org.ehiaccess.intake.config.IntakeConfig;
import org.ehiaccess.intake.reporting.ReportingFeed;
import org.ehiaccess.intake.settings.ClinicSettingsService;
import org.ehiaccess.intake.request.Timeline;
import org.ehiaccess.platform.clinic.ClinicContext;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Raises the due alerts of one clinic, acting for that clinic, in one transaction per batch. */
@ApplicationScoped
public class ClinicAlertBatch {

    /** What one batch did: alerts raised, and whether the batch was full (call again for the rest). */
    public record Outcome(int raised, boolean more) {
    }

    @Inject
    EntityManager em;

    @Inject
    ClinicContext clinic;

    @Inject
    ClinicSettingsService settings;

    @Inject
    AlertMailbox mailbox;

    @Inject
    Timeline timeline;

    @Inject
    IntakeConfig config;

    @Inject
    ReportingFeed reporting;

    /** Raises alerts for up to one batch of this clinic's clocks. */
    @ActivateRequestContext
    public Outcome raise(String clinicId, Instant now) {
        clinic.actFor(clinicId);
        return QuarkusTransaction.requiringNew().call(() -> raiseInTransaction(clinicId, now));
    }

    private Outcome raiseInTransaction(String clinicId, Instant now) {
        int batchSize = config.alerts().batchSize();
        @SuppressWarnings("unchecked")
        List<UUID> claimed = em.createNativeQuery("""
                select id from request_clock
                where clinic_id = :clinic and met_at is null and next_alert_at <= :now
                order by next_alert_at limit :limit
                for update skip locked""", UUID.class)
                .setParameter("clinic", clinicId).setParameter("now", now).setParameter("limit", batchSize)
                .getResultList();
        if (claimed.isEmpty()) {
            return new Outcome(0, false);
        }
        List<Integer> thresholds = settings.current().responsePolicy.alertThresholds();
        List<AlertRecipient> recipients = AlertRecipient.list("clinicId", clinicId);
        int raised = 0;
        for (RequestClock clock : RequestClock.<RequestClock>list("id in ?1", claimed)) {
            List<Integer> crossed = AlertThresholds.crossed(thresholds, clock.alertedThreshold, clock.startedAt,
                    clock.dueAt, now);
            if (!crossed.isEmpty()) {
                // found past several thresholds at once (e.g. logged late): one alert, for the highest
                int threshold = crossed.stream().max(Comparator.naturalOrder()).orElseThrow();
                UUID alertId = insertOnce(clinicId, clock, threshold, now);
                if (alertId != null) {
                    mailbox.enqueue(clinicId, alertId, clock, threshold, recipients, now);
                    timeline.recordFor(clock.requestId, "alert_raised", clock.label + ": "
                            + (threshold >= AlertThresholds.OVERDUE ? "overdue" : threshold + " % of the time used")
                            + ", due " + clock.dueOn);
                    reporting.alertRaised(clock, threshold >= AlertThresholds.OVERDUE, threshold);
                    raised++;
                }
                clock.alertedThreshold = threshold;
            }
            clock.scheduleNextAlert(thresholds);
        }
        return new Outcome(raised, claimed.size() == batchSize);
    }

    /** Inserts the alert unless it exists; the unique key decides, whatever other replicas do. */
    private UUID insertOnce(String clinicId, RequestClock clock, int threshold, Instant now) {
        @SuppressWarnings("unchecked")
        List<UUID> inserted = em.createNativeQuery("""
                insert into deadline_alert (id, clinic_id, request_id, clock_kind, clock_label, threshold,
                                            due_at, due_on, raised_at)
                values (:id, :clinic, :request, :kind, :label, :threshold, :dueAt, :dueOn, :now)
                on conflict (request_id, clock_kind, threshold) do nothing
                returning id""", UUID.class)
                .setParameter("id", UUID.randomUUID()).setParameter("clinic", clinicId)
                .setParameter("request", clock.requestId).setParameter("kind", clock.kind.name())
                .setParameter("label", clock.label).setParameter("threshold", threshold)
                .setParameter("dueAt", clock.dueAt).setParameter("dueOn", clock.dueOn).setParameter("now", now)
                .getResultList();
        return inserted.isEmpty() ? null : inserted.get(0);
    }
}
