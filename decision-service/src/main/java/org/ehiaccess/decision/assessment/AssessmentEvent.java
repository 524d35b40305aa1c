package org.ehiaccess.decision.assessment;

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

/** One entry of an assessment's append-only audit trail: who did what, when, and the state before and after. */
@Entity
@Immutable
@Table(name = "assessment_event")
public class AssessmentEvent extends PanacheEntityBase {

    @Id
    public UUID id;

    @TenantId
    @Column(name = "clinic_id", nullable = false, updatable = false)
    public String clinicId;

    @Column(name = "assessment_id", nullable = false)
    public UUID assessmentId;

    @Column(name = "request_id", nullable = false)
    public UUID requestId;

    /** created, updated or signed. */
    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public Instant at;

    /** {"version", "verdict", "input", "signed_by"} before the change, JSON; null for a creation. */
    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String before;

    @Column(nullable = false, columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String after;

    public static List<AssessmentEvent> of(UUID assessmentId) {
        return list("assessmentId = ?1 order by at, id", assessmentId);
    }
}
