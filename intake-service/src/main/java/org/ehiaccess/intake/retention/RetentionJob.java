package org.ehiaccess.intake.retention;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.ehiaccess.intake.config.IntakeConfig;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Removes closed requests past the retention period (at least six years), clinic by clinic, and
 * records in {@code retention_run} what it removed. Open requests are never removed; nothing is
 * deleted from the UI. Safe to run on several replicas at once: a second run finds nothing left.
 */
@ApplicationScoped
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);

    @Inject
    EntityManager em;

    @Inject
    IntakeConfig config;

    @Inject
    Clock clock;

    @Scheduled(cron = "{intake.retention.cron:0 30 3 * * ?}", identity = "retention",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void nightly() {
        run();
    }

    /** Runs one pass; returns the number of requests removed across all clinics. */
    @ActivateRequestContext
    public int run() {
        Instant now = clock.instant();
        Instant cutoff = now.atOffset(ZoneOffset.UTC).minusYears(config.retention().years()).toInstant();
        List<String> clinics = QuarkusTransaction.requiringNew().call(() -> clinicsWithExpired(cutoff));
        int total = 0;
        for (String clinicId : clinics) {
            int removed = QuarkusTransaction.requiringNew().call(() -> removeExpired(clinicId, cutoff, now));
            LOG.infof("Retention: removed %d closed requests of clinic %s closed before %s", removed, clinicId, cutoff);
            total += removed;
        }
        return total;
    }

    @SuppressWarnings("unchecked")
    private List<String> clinicsWithExpired(Instant cutoff) {
        return em.createNativeQuery("select distinct clinic_id from ehi_request where closed_at < :cutoff")
                .setParameter("cutoff", cutoff).getResultList();
    }

    /** Native SQL naming the clinic explicitly: a job has no token, and the clinic filter needs one. */
    private int removeExpired(String clinicId, Instant cutoff, Instant now) {
        int removed = em.createNativeQuery("delete from ehi_request where clinic_id = :clinic and closed_at < :cutoff")
                .setParameter("clinic", clinicId).setParameter("cutoff", cutoff).executeUpdate();
        em.createNativeQuery("""
                insert into retention_run (id, clinic_id, ran_at, cutoff, requests_removed)
                values (:id, :clinic, :ranAt, :cutoff, :removed)""")
                .setParameter("id", UUID.randomUUID()).setParameter("clinic", clinicId).setParameter("ranAt", now)
                .setParameter("cutoff", cutoff).setParameter("removed", removed)
                .executeUpdate();
        return removed;
    }
}
