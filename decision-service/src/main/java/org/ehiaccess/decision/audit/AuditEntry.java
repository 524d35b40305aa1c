package org.ehiaccess.decision.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.TenantId;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One change to a decision or a setting: who, when, what, before and after. Append-only (a trigger refuses changes). */
@Entity
@Immutable
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

    @Id
    public UUID id;

    @TenantId
    @Column(name = "clinic_id", nullable = false, updatable = false)
    public String clinicId;

    @Column(name = "entity_type", nullable = false)
    public String entityType;

    @Column(name = "entity_id", nullable = false)
    public String entityId;

    @Column(nullable = false)
    public String action;

    @Column(nullable = false)
    public String actor;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "before_value", columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String beforeValue;

    @Column(name = "after_value", columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String afterValue;

    /** The trail of one record, oldest first (the clinic filter applies). */
    public static List<AuditEntry> of(String entityType, String entityId) {
        return list("entityType = ?1 and entityId = ?2 order by occurredAt, id", entityType, entityId);
    }

    /** Everyone who changed the record (created, edited, signed...). */
    public static List<String> actors(String entityType, String entityId) {
        return getEntityManager().createQuery(
                "select distinct a.actor from AuditEntry a where a.entityType = :type and a.entityId = :id", String.class)
                .setParameter("type", entityType).setParameter("id", entityId).getResultList();
    }
}
