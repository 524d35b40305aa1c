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

    @Column(name = "patient_name")
    public String patientName;

    @Column(name = "patient_birth_date")
    public LocalDate patientBirthDate;

    @Enumerated(EnumType.STRING)
    public Purpose purpose;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "ehi_classes")
    String[] ehiClasses;

    @Enumerated(EnumType.STRING)
    @Column(name = "manner_requested")
    public Manner mannerRequested;

    @Enumerated(EnumType.STRING)
    public RequestStatus status;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Version
    public int version;

    public Set<EhiClass> ehiClasses() {
        Set<EhiClass> classes = EnumSet.noneOf(EhiClass.class);
        Arrays.stream(ehiClasses).map(EhiClass::valueOf).forEach(classes::add);
        return classes;
    }

    public void ehiClasses(Set<EhiClass> classes) {
        this.ehiClasses = classes.stream().sorted().map(Enum::name).toArray(String[]::new);
    }
}
