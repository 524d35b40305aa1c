package org.ehiaccess.intake.alert;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.ehiaccess.intake.clock.ClockKind;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.TenantId;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * "Request X's clock Y has used Z % of its time" (or is overdue). One per (request, clock, threshold),
 * enforced by the database; written only by {@link AlertScan}.
 */
@Entity
@Immutable
@Table(name = "deadline_alert")
public class DeadlineAlert extends PanacheEntityBase {

    @Id
    public UUID id;

    @TenantId
    @Column(name = "clinic_id")
    public String clinicId;

    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "clock_kind")
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public ClockKind clockKind;

    @Column(name = "clock_label")
    public String clockLabel;

    /** Percent of the time allowed; 100 means overdue. */
    public int threshold;

    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "due_on")
    public LocalDate dueOn;

    @Column(name = "raised_at")
    public Instant raisedAt;

    public boolean isOverdue() {
        return threshold >= 100;
    }
}
