package org.ehiaccess.intake.request;

import java.time.Instant;
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

/** "This request looks like that earlier one": for a person to confirm or dismiss; never a merge. */
@Entity
@Table(name = "duplicate_flag")
public class DuplicateFlag extends PanacheEntityBase {

    public enum Status {
        open, confirmed, dismissed
    }

    @Id
    public UUID id;

    @TenantId
    @Column(name = "clinic_id")
    public String clinicId;

    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "duplicate_of")
    public UUID duplicateOf;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "flagged_at")
    public Instant flaggedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Version
    public int version;

    public static List<DuplicateFlag> of(UUID requestId) {
        return list("requestId = ?1 order by flaggedAt", requestId);
    }
}
