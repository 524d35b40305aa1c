package org.ehiaccess.decision.matrix;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.TenantId;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A clinic's own Denial Reason Matrix. Its version counts every save and reset (0 = never saved: the shipped
 * defaults), so that the ETag never repeats.
 */
@Entity
@Table(name = "denial_reason_matrix")
public class DenialReasonMatrix extends PanacheEntityBase {

    @Id
    public UUID id;

    @TenantId
    @Column(name = "clinic_id", nullable = false, updatable = false)
    public String clinicId;

    /** False after a reset: the shipped defaults apply again. */
    @Column(nullable = false)
    public boolean customised;

    /** The rows, JSON; null while the defaults apply. */
    @Column(name = "matrix_rows", columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String rows;

    @Column(name = "row_version", nullable = false)
    public long rowVersion;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The clinic's row, or null if it never saved one (the clinic filter applies). */
    public static DenialReasonMatrix current() {
        return find("from DenialReasonMatrix").firstResult();
    }
}
