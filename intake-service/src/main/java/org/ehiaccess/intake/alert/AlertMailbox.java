package org.ehiaccess.intake.alert;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.ehiaccess.intake.clock.AlertThresholds;
import org.ehiaccess.intake.clock.RequestClock;
import org.ehiaccess.intake.config.IntakeConfig;

/**
 * Queues alert mail in the alert's own transaction: one message per supervisor who wants each alert,
 * a held line for those who want a daily digest. The text carries no clinical detail: the request's
 * number, the clock, the due date and a link.
 */
@ApplicationScoped
public class AlertMailbox {

    static final String PENDING = "pending";
    static final String DIGEST = "digest";
    static final String FOOTER = "\n\nThis message has no clinical details. Sign in to see the request.\n";

    @Inject
    EntityManager em;

    @Inject
    IntakeConfig config;

    public void enqueue(String clinicId, UUID alertId, RequestClock clock, int threshold,
            List<AlertRecipient> recipients, Instant now) {
        String subject = subject(clock.requestId, clock.label, threshold);
        String line = line(clock.requestId, clock.label, threshold, clock.dueOn.toString());
        for (AlertRecipient recipient : recipients) {
            boolean each = recipient.delivery == AlertRecipient.Delivery.each;
            em.createNativeQuery("""
                    insert into alert_mail (id, clinic_id, recipient, email, subject, body, status, alert_id,
                                            created_at, attempts, next_attempt_at)
                    values (:id, :clinic, :recipient, :email, :subject, :body, :status, :alert, :now, 0, :now)""")
                    .setParameter("id", UUID.randomUUID()).setParameter("clinic", clinicId)
                    .setParameter("recipient", recipient.username).setParameter("email", recipient.email)
                    .setParameter("subject", subject).setParameter("body", each ? line + FOOTER : line)
                    .setParameter("status", each ? PENDING : DIGEST)
                    .setParameter("alert", alertId).setParameter("now", now)
                    .executeUpdate();
        }
    }

    /** The short number staff use for a request: the first block of its id. */
    static String requestNumber(UUID requestId) {
        return requestId.toString().substring(0, 8);
    }

    static String subject(UUID requestId, String clockLabel, int threshold) {
        return "Deadline alert: request " + requestNumber(requestId) + " – "
                + (threshold >= AlertThresholds.OVERDUE ? "OVERDUE" : threshold + "% of the time used");
    }

    String line(UUID requestId, String clockLabel, int threshold, String dueOn) {
        return "Request " + requestNumber(requestId) + ": " + clockLabel + " – "
                + (threshold >= AlertThresholds.OVERDUE ? "overdue" : threshold + "% of the time used")
                + ", due " + dueOn + ".\n" + config.alerts().linkBaseUrl() + "/requests/" + requestId;
    }
}
