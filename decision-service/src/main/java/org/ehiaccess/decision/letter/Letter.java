package org.ehiaccess.decision.letter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.TenantId;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A letter as generated from a signed assessment: the HTML and the PDF exactly as rendered, each with its SHA-256.
 * Nothing of it changes afterwards except being marked sent, once (a database trigger enforces both).
 */
@Entity
@DynamicUpdate
@Table(name = "letter")
public class Letter extends PanacheEntityBase {

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

    @Column(nullable = false, updatable = false)
    public String kind;

    @Column(nullable = false, updatable = false)
    public String subject;

    @Column(name = "recipient_name", nullable = false, updatable = false)
    public String recipientName;

    @Column(name = "recipient_address", updatable = false)
    public String recipientAddress;

    @Column(name = "template_customised", nullable = false, updatable = false)
    public boolean templateCustomised;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false, updatable = false)
    public String html;

    @Column(name = "html_sha256", nullable = false, updatable = false)
    public String htmlSha256;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false, updatable = false)
    public byte[] pdf;

    @Column(name = "pdf_sha256", nullable = false, updatable = false)
    public String pdfSha256;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "sent_on")
    public LocalDate sentOn;

    @Column(name = "sent_channel")
    public String sentChannel;

    @Column(name = "sent_by")
    public String sentBy;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Version
    @Column(name = "row_version", nullable = false)
    public long rowVersion;

    public boolean sent() {
        return sentAt != null;
    }

    /** The letters of a request, oldest first (the clinic filter applies). */
    public static List<Letter> ofRequest(UUID requestId) {
        return list("requestId = ?1 order by createdAt, id", requestId);
    }

    /** Whether an infeasibility notice of the request was already sent (its 171.204(b) clock is then met). */
    public static boolean infeasibilityNoticeSent(UUID requestId) {
        return count("requestId = ?1 and kind = ?2 and sentAt is not null", requestId,
                LetterKind.infeasibility.name()) > 0;
    }

    public static List<Letter> ofAssessment(UUID assessmentId) {
        return list("assessmentId = ?1 order by createdAt, id", assessmentId);
    }
}
