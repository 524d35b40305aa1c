package org.ehiaccess.intake.clock;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.TenantId;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One deadline of one request: due at the end of {@link #dueOn} in the clinic's time zone. */
@Entity
@Table(name = "request_clock")
public class RequestClock extends PanacheEntityBase {

    @Id
    public UUID id;

    @TenantId
    @Column(name = "clinic_id")
    public String clinicId;

    @Column(name = "request_id")
    public UUID requestId;

    @Enumerated(EnumType.STRING)
    public ClockKind kind;

    public String label;

    public String cfr;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "due_on")
    public LocalDate dueOn;

    @Column(name = "due_at")
    public Instant dueAt;

    /** When "due soon" begins (the clinic's highest warning threshold). */
    @Column(name = "warn_at")
    public Instant warnAt;

    @Column(name = "met_at")
    public Instant metAt;

    /** The highest warning threshold (percent of the time allowed; 100 = overdue) already alerted. */
    @Column(name = "alerted_threshold")
    public int alertedThreshold;

    /** When the next threshold is crossed; what the alert scan looks for. Null when nothing is left to alert. */
    @Column(name = "next_alert_at")
    public Instant nextAlertAt;

    @Version
    public int version;

    /** Plans the next alert from the clinic's thresholds; "overdue" (100 %) always comes last. */
    public void scheduleNextAlert(List<Integer> thresholds) {
        nextAlertAt = metAt != null ? null
                : AlertThresholds.next(thresholds, alertedThreshold)
                        .map(t -> AlertThresholds.instantOf(startedAt, dueAt, t)).orElse(null);
    }

    public ClockState state(Instant now) {
        return ClockState.of(metAt, warnAt, dueAt, now);
    }

    public static List<RequestClock> of(UUID requestId) {
        return list("requestId = ?1 order by dueAt, kind", requestId);
    }
}
