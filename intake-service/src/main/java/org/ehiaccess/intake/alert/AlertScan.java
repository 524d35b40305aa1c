package org.ehiaccess.intake.alert;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * The deadline scheduler: every few minutes, finds the clocks of every clinic that have crossed a
 * warning threshold and raises their alerts, clinic by clinic. Safe with several replicas and across
 * restarts: clocks are claimed with {@code FOR UPDATE SKIP LOCKED} and each alert is unique per
 * (request, clock, threshold) in the database.
 */
@ApplicationScoped
public class AlertScan {

    private static final Logger LOG = Logger.getLogger(AlertScan.class);

    @Inject
    EntityManager em;

    @Inject
    ClinicAlertBatch batch;

    @Inject
    Clock clock;

    @Scheduled(every = "{intake.alerts.scan-every}", identity = "deadline-alert-scan",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        long started = System.nanoTime();
        int raised = scan();
        LOG.infof("Deadline alert scan: %d alerts raised in %d ms", raised, (System.nanoTime() - started) / 1_000_000);
    }

    /** One pass over every clinic; returns the number of alerts raised. */
    @ActivateRequestContext
    public int scan() {
        Instant now = clock.instant();
        int raised = 0;
        for (String clinicId : clinicsWithCrossedThresholds(now)) {
            ClinicAlertBatch.Outcome outcome;
            do {
                outcome = batch.raise(clinicId, now);
                raised += outcome.raised();
            } while (outcome.more());
        }
        return raised;
    }

    @SuppressWarnings("unchecked")
    List<String> clinicsWithCrossedThresholds(Instant now) {
        // native: a job has no token, so it reads clinic ids across clinics and then acts for each one
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                select distinct clinic_id from request_clock
                where met_at is null and next_alert_at <= :now""")
                .setParameter("now", now).getResultList());
    }
}
