package org.ehiaccess.decision.letter;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.TenantId;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A clinic's wording of one letter kind. {@code customised = false} (after a reset) means the shipped default; the
 * version counts every save and reset.
 */
@Entity
@Table(name = "letter_template")
public class LetterTemplate extends PanacheEntityBase {

    @Id
    public UUID id;

    @TenantId
    @Column(name = "clinic_id", nullable = false, updatable = false)
    public String clinicId;

    @Column(nullable = false, updatable = false)
    public String kind;

    @Column(nullable = false)
    public boolean customised;

    public String subject;

    public String body;

    @Column(name = "row_version", nullable = false)
    public long rowVersion;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static LetterTemplate ofKind(LetterKind kind) {
        return find("kind", kind.name()).firstResult();
    }

    public static List<LetterTemplate> all() {
        return listAll();
    }
}
