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

    @Version
    public int version;

    public ClockState state(Instant now) {
        return ClockState.of(metAt, warnAt, dueAt, now);
    }

    public static List<RequestClock> of(UUID requestId) {
        return list("requestId = ?1 order by dueAt, kind", requestId);
    }
}
