package org.ehiaccess.intake.patient;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.TenantId;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A patient in the clinic's own index, known by MRN; requests link to it. */
@Entity
@Table(name = "patient")
public class Patient extends PanacheEntityBase {

    @Id
    public UUID id;

    @TenantId
    @Column(name = "clinic_id")
    public String clinicId;

    public String mrn;

    public String name;

    @Column(name = "birth_date")
    public LocalDate birthDate;

    @Column(name = "created_at")
    public Instant createdAt;

    @Version
    public int version;

    /** A patient of the signed-in clinic; another clinic's patient id finds nothing. */
    public static Optional<Patient> ofClinic(UUID id) {
        return find("id = ?1", id).firstResultOptional();
    }
}
