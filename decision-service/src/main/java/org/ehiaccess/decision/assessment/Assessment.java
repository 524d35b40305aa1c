package org.ehiaccess.decision.assessment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.TenantId;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One version of the exception analysis for one EHI request: the facts, the engine's result and the ruleset it
 * was made under. Signing locks it; a later change is a new version and this one is kept as it was.
 */
@Entity
@Table(name = "assessment")
public class Assessment extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The clinic (tenant), stamped from the signed token by the platform's resolver; every query filters on it. */
    @TenantId
    @Column(name = "clinic_id", nullable = false, updatable = false)
    public String clinicId;

    @Column(name = "request_id", nullable = false, updatable = false)
    public UUID requestId;

    @Column(name = "version_number", nullable = false, updatable = false)
    public int versionNumber;

    @Column(nullable = false)
    public String ruleset;

    @Column(nullable = false)
    public String verdict;

    /** The case as evaluated, JSON. */
    @Column(nullable = false, columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String input;

    /** The evaluation, JSON. */
    @Column(nullable = false, columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String result;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "signed_by")
    public String signedBy;

    @Column(name = "signed_role")
    public String signedRole;

    @Column(name = "signed_at")
    public Instant signedAt;

    /**
     * The licensed health care professional who made the individualized determination (171.201(c)(1)), when the
     * worksheet names one; they may not review the denial (164.524(a)(4)).
     */
    @Column(name = "determined_by")
    public String determinedBy;

    @Version
    @Column(name = "row_version", nullable = false)
    public long rowVersion;

    public boolean signed() {
        return signedAt != null;
    }

    /** Every version for a request, oldest first (the clinic filter applies). */
    public static List<Assessment> ofRequest(UUID requestId) {
        return list("requestId = ?1 order by versionNumber", requestId);
    }

    /** The highest version number of a request, 0 if none. */
    public static int latestVersion(UUID requestId) {
        Integer latest = getEntityManager()
                .createQuery("select max(a.versionNumber) from Assessment a where a.requestId = :request", Integer.class)
                .setParameter("request", requestId)
                .getSingleResult();
        return latest == null ? 0 : latest;
    }
}
