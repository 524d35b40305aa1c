package org.ehiaccess.intake.request;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One request for electronic health information, from any channel: a row of the EHI Request Log. */
@Entity
@Table(name = "ehi_request")
public class EhiRequest extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The clinic (tenant); stamped and filtered by Hibernate from the signed token. */
    @TenantId
    @Column(name = "clinic_id")
    public String clinicId;

    /** When the clinic received it: the start of every clock. Stored in UTC. */
    @Column(name = "received_at")
    public Instant receivedAt;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    @Enumerated(EnumType.STRING)
    @Column(name = "requester_type")
    public RequesterType requesterType;

    @Column(name = "requester_name")
    public String requesterName;

    @Column(name = "requester_organization")
    public String requesterOrganization;

    /** How to reach the requester (address, phone, email, Direct address). */
    @Column(name = "requester_contact")
    public String requesterContact;

    @Column(name = "patient_id")
    public UUID patientId;

    @Column(name = "patient_mrn")
    public String patientMrn;

    @Column(name = "patient_name")
    public String patientName;

    @Column(name = "patient_birth_date")
    public LocalDate patientBirthDate;

    @Enumerated(EnumType.STRING)
    public Purpose purpose;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "ehi_classes")
    String[] ehiClasses;

    /** The requester asked for all of the patient's EHI rather than named classes. */
    @Column(name = "all_ehi")
    public boolean allEhi;

    @Column(name = "records_from")
    public LocalDate recordsFrom;

    @Column(name = "records_to")
    public LocalDate recordsTo;

    @Enumerated(EnumType.STRING)
    @Column(name = "manner_requested")
    public Manner mannerRequested;

    public String notes;

    /** The staff member (user name) working the request. */
    public String assignee;

    /** Identity verification (164.514(h)): how, by whom, when. */
    @Enumerated(EnumType.STRING)
    @Column(name = "identity_verification_method")
    public VerificationMethod identityVerificationMethod;

    @Column(name = "identity_verified_by")
    public String identityVerifiedBy;

    @Column(name = "identity_verified_at")
    public Instant identityVerifiedAt;

    /** The requester's authority to act for the patient (164.502(g)): how, by whom, when. */
    @Enumerated(EnumType.STRING)
    @Column(name = "authority_verification_method")
    public VerificationMethod authorityVerificationMethod;

    @Column(name = "authority_verified_by")
    public String authorityVerifiedBy;

    @Column(name = "authority_verified_at")
    public Instant authorityVerifiedAt;

    /** While waiting on the requester: what for, and since when. */
    @Column(name = "waiting_for")
    public String waitingFor;

    @Column(name = "waiting_since")
    public Instant waitingSince;

    /** The manner actually used to fulfil, and when. */
    @Enumerated(EnumType.STRING)
    @Column(name = "manner_used")
    public Manner mannerUsed;

    @Column(name = "fulfilled_at")
    public Instant fulfilledAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    /** The HIPAA extension (164.524(b)(2)(ii)): the written notice's date and the reasons given. */
    @Column(name = "extension_notice_sent_on")
    public LocalDate extensionNoticeSentOn;

    @Column(name = "extension_reason")
    public String extensionReason;

    @Column(name = "next_due_at")
    public Instant nextDueAt;

    @Column(name = "next_warn_at")
    public Instant nextWarnAt;

    @Column(name = "search_text")
    public String searchText;

    /** Normalized patient name and date of birth: how a likely duplicate is found. */
    @Column(name = "patient_key")
    public String patientKey;

    /** Normalized requester name. */
    @Column(name = "requester_key")
    public String requesterKey;

    @Enumerated(EnumType.STRING)
    public RequestStatus status;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Version
    public int version;

    public boolean isExtended() {
        return extensionNoticeSentOn != null;
    }

    /**
     * Refreshes what search reads: the words of the free-text filter (names, organization, MRN,
     * normalized like the query so that both split into the same words) and the normalized keys of the
     * duplicate probe.
     */
    public void refreshSearchKeys() {
        searchText = java.util.stream.Stream.of(requesterName, requesterOrganization, patientName, patientMrn)
                .map(EhiRequest::normalized)
                .filter(words -> !words.isEmpty())
                .collect(java.util.stream.Collectors.joining(" "));
        patientKey = normalized(patientName) + "|" + patientBirthDate;
        requesterKey = normalized(requesterName);
    }

    /** Lower case, letters and digits only: "O'Brien,  Ann" and "o brien ann" are the same name. */
    public static String normalized(String name) {
        return name == null ? ""
                : name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    public Set<EhiClass> ehiClasses() {
        Set<EhiClass> classes = EnumSet.noneOf(EhiClass.class);
        Arrays.stream(ehiClasses).map(EhiClass::valueOf).forEach(classes::add);
        return classes;
    }

    public void ehiClasses(Set<EhiClass> classes) {
        this.ehiClasses = classes.stream().sorted().map(Enum::name).toArray(String[]::new);
    }
}
