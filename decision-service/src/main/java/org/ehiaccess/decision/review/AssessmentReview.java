package org.ehiaccess.decision.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.TenantId;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The review of a reviewable denial (164.524(a)(4), (d)(4); 171.201(e)): when the individual asked for it, and the
 * decision of the licensed health care professional who took no part in the original decision. Locked once decided
 * (a database trigger refuses any later change).
 */
@Entity
@Table(name = "assessment_review")
public class AssessmentReview extends PanacheEntityBase {

    @Id
    public UUID id;

    @TenantId
    @Column(name = "clinic_id", nullable = false, updatable = false)
    public String clinicId;

    @Column(name = "request_id", nullable = false, updatable = false)
    public UUID requestId;

    @Column(name = "assessment_id", nullable = false, updatable = false)
    public UUID assessmentId;

    @Column(name = "assessment_version", nullable = false, updatable = false)
    public int assessmentVersion;

    /** The day the individual asked for the review. */
    @Column(name = "requested_on", nullable = false, updatable = false)
    public LocalDate requestedOn;

    @Column(name = "request_channel", updatable = false)
    public String requestChannel;

    @Column(name = "requested_by", nullable = false, updatable = false)
    public String requestedBy;

    @Column(name = "requested_at", nullable = false, updatable = false)
    public Instant requestedAt;

    /** upheld or reversed. */
    public String outcome;

    public String reasons;

    public String reviewer;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Version
    @Column(name = "row_version", nullable = false)
    public long rowVersion;

    public boolean decided() {
        return decidedAt != null;
    }

    public static AssessmentReview ofAssessment(UUID assessmentId) {
        return find("assessmentId", assessmentId).firstResult();
    }
}
