package org.ehiaccess.intake.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.TenantId;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Append-only trail of changes to settings and complaints: who, when, what, before and after. */
@Entity
@Immutable
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

    @Id
    public UUID id;

    @TenantId
    @Column(name = "clinic_id")
    public String clinicId;

    @Column(name = "subject_type")
    public String subjectType;

    @Column(name = "subject_id")
    public String subjectId;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    public String actor;

    public String action;

    @Column(name = "before_value")
    public String beforeValue;

    @Column(name = "after_value")
    public String afterValue;

    public static List<AuditEntry> of(String subjectType, String subjectId) {
        return list("subjectType = ?1 and subjectId = ?2 order by occurredAt, id", subjectType, subjectId);
    }
}
