package org.ehiaccess.decision.letter;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.TenantId;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The clinic's name and address and the contact for complaints that every denial must give (164.524(d)(2)(iii)). */
@Entity
@Table(name = "letter_settings")
public class LetterSettings extends PanacheEntityBase {

    @Id
    public UUID id;

    @TenantId
    @Column(name = "clinic_id", nullable = false, updatable = false)
    public String clinicId;

    @Column(name = "clinic_name", nullable = false)
    public String clinicName;

    public String address;

    @Column(name = "privacy_contact_name")
    public String privacyContactName;

    @Column(name = "privacy_contact_title")
    public String privacyContactTitle;

    @Column(name = "privacy_contact_phone", nullable = false)
    public String privacyContactPhone;

    @Column(name = "privacy_contact_email")
    public String privacyContactEmail;

    @Column(name = "row_version", nullable = false)
    public long rowVersion;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The clinic's settings, or null before a clinic administrator saves them. */
    public static LetterSettings current() {
        return find("from LetterSettings").firstResult();
    }
}
