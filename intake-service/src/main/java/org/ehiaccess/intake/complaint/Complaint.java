package org.ehiaccess.intake.complaint;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.TenantId;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A complaint or grievance about access to records, linked to the requests it concerns. */
@Entity
@Table(name = "complaint")
public class Complaint extends PanacheEntityBase {

    /** Who complained: a person, or an agency that forwarded or opened it. */
    public enum Source {
        patient, personal_representative, other_provider, app_developer, hhs_ocr, astp_information_blocking_portal,
        hhs_oig, state_agency, other
    }

    public enum Status {
        open, investigating, resolved, withdrawn;

        public boolean isClosed() {
            return this == resolved || this == withdrawn;
        }
    }

    @Id
    public UUID id;

    @TenantId
    @Column(name = "clinic_id")
    public String clinicId;

    @Column(name = "received_on")
    public LocalDate receivedOn;

    @Enumerated(EnumType.STRING)
    public Source source;

    @Column(name = "source_name")
    public String sourceName;

    /** What is alleged, in the complainant's terms. */
    public String allegation;

    @Enumerated(EnumType.STRING)
    public Status status;

    public String resolution;

    @Column(name = "resolved_on")
    public LocalDate resolvedOn;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @ElementCollection
    @CollectionTable(name = "complaint_request", joinColumns = @JoinColumn(name = "complaint_id"))
    @Column(name = "request_id")
    public Set<UUID> requestIds = new LinkedHashSet<>();

    @Version
    public int version;
}
