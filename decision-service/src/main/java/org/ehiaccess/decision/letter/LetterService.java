package org.ehiaccess.decision.letter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.ehiaccess.decision.assessment.Assessment;
import org.ehiaccess.decision.assessment.DecisionRecord;
import org.ehiaccess.decision.guidance.LetterFit;
import org.ehiaccess.decision.reporting.DecisionEvents;
import org.ehiaccess.decision.review.AssessmentReview;
import org.ehiaccess.platform.problem.ProblemType;
import org.ehiaccess.decision.audit.AuditTrail;
import org.ehiaccess.decision.engine.DecisionEngine;
import org.ehiaccess.decision.engine.Verdict;
import org.ehiaccess.decision.letter.LetterGrounds.Basis;
import org.ehiaccess.decision.rules.Deadline;
import org.ehiaccess.decision.rules.ExceptionDefinition;
import org.ehiaccess.decision.rules.Ruleset;
import org.ehiaccess.decision.assessment.AssessmentService;
import org.ehiaccess.decision.clinic.ClinicCalendars;
import org.ehiaccess.platform.clinic.ClinicContext;
import org.ehiaccess.platform.idempotency.IdempotencyKeys;
import org.ehiaccess.platform.problem.Problem.FieldError;
import org.ehiaccess.platform.problem.ProblemException;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Generates letters from signed assessments and keeps them as generated: the HTML (from the clinic's template plus
 * the required content) and the PDF, each with its SHA-256. A letter is marked sent once, with the channel and date.
 */
@ApplicationScoped
public class LetterService {

    static final String IDEMPOTENCY_SCOPE = "letter";
    /** The catalog's 164.524(b)(2) deadline: the first period and its one extension. */
    static final String HIPAA_ACTION = "hipaa_action";
    /** How a letter reached the person. */
    public static final Set<String> CHANNELS = Set.of("mail", "email", "portal", "fax", "in_person");
    private final LetterGrounds grounds = LetterGrounds.load();

    @Inject
    AssessmentService assessments;

    @Inject
    LetterSettingsService settings;

    @Inject
    LetterTemplateService templates;

    @Inject
    LetterRenderer renderer;

    @Inject
    PdfRenderer pdf;

    @Inject
    DecisionEngine engine;

    @Inject
    ClinicCalendars calendars;

    @Inject
    IdempotencyKeys idempotency;

    @Inject
    AuditTrail audit;

    @Inject
    DecisionEvents reporting;

    @Inject
    ClinicContext clinic;

    @Inject
    ObjectMapper json;

    /** The body of POST .../letters. */
    public record NewLetter(String kind, String recipientName, String recipientAddress, String note,
            String extensionReasons, LocalDate actionBy, String recordsHeldBy) {
    }

    /** The body of POST .../letters/{id}/sent. */
    public record Sent(String channel, LocalDate sentOn) {
    }

    /** The letter and whether this call created it (false: a retry with the same Idempotency-Key). */
    public record Created(Letter letter, boolean created) {
    }

    @Transactional
    public Created create(UUID requestId, UUID assessmentId, NewLetter body, String idempotencyKey) {
        LetterKind kind = validate(body);
        Assessment assessment = assessments.get(requestId, assessmentId);
        DecisionRecord decision = DecisionRecord.of(assessment, json);
        requireFits(kind, decision);
        LetterSettings clinicSettings = settings.requireComplete();
        IdempotencyKeys.Outcome outcome = idempotency.createOnce(idempotencyKey, IDEMPOTENCY_SCOPE,
                requestId + " " + assessmentId + " " + fingerprint(body),
                () -> generate(kind, decision, clinicSettings, body).id);
        return new Created(Letter.findById(outcome.id()), outcome.created());
    }

    private Letter generate(LetterKind kind, DecisionRecord decision, LetterSettings clinicSettings, NewLetter body) {
        LetterData data = data(kind, decision, clinicSettings, body);
        DefaultTemplates.Wording wording = templates.wording(kind);
        LetterRenderer.Rendered rendered;
        try {
            rendered = renderer.render(wording.subject(), wording.body(), data);
        } catch (LetterRenderer.TemplateProblem e) {
            throw ProblemException.conflict("The clinic's " + kind + " template cannot be used: " + e.getMessage()
                    + ". A clinic administrator can correct it or reset it to the default.");
        }
        byte[] document = pdf.render(rendered.html());
        Letter letter = new Letter();
        letter.id = UUID.randomUUID();
        letter.requestId = decision.assessment().requestId;
        letter.assessmentId = decision.assessment().id;
        letter.assessmentVersion = decision.assessment().versionNumber;
        letter.kind = kind.name();
        letter.subject = rendered.subject();
        letter.recipientName = body.recipientName().strip();
        letter.recipientAddress = blank(body.recipientAddress()) ? null : body.recipientAddress().strip();
        letter.templateCustomised = templates.customised(kind);
        letter.html = rendered.html();
        letter.htmlSha256 = sha256(rendered.html().getBytes(StandardCharsets.UTF_8));
        letter.pdf = document;
        letter.pdfSha256 = sha256(document);
        letter.createdBy = clinic.actor();
        letter.createdAt = Instant.now();
        letter.persist();
        audit.record(AuditTrail.LETTER, letter.id, "generated", null, java.util.Map.of("kind", letter.kind,
                "assessmentVersion", letter.assessmentVersion, "pdfSha256", letter.pdfSha256,
                "htmlSha256", letter.htmlSha256));
        reporting.letterGenerated(letter);
        return letter;
    }

    LetterData data(LetterKind kind, DecisionRecord decision, LetterSettings s, NewLetter body) {
        Assessment a = decision.assessment();
        Ruleset ruleset = engine.catalog().ruleset(a.ruleset).orElse(engine.catalog().current());
        List<LetterData.Exception> exceptions = new ArrayList<>();
        for (String id : decision.exceptionIds()) {
            ExceptionDefinition exception = ruleset.exceptions().get(id);
            exceptions.add(new LetterData.Exception(id, exception == null ? id : exception.name()));
        }
        List<Basis> reasons = switch (kind) {
            case denial, partial_fulfilment -> grounds.denialBasis(decision);
            case infeasibility -> List.of(grounds.infeasibilityBasis(decision));
            case review_outcome -> List.of(reviewOutcome(AssessmentReview.ofAssessment(a.id)));
            default -> List.of();
        };
        boolean reviewable = kind.isDenial() && grounds.reviewable(decision, reasons);
        LocalDate today = engine.today();
        LocalDate received = decision.date("request.received_date");
        LocalDate actionBy = kind == LetterKind.extension
                ? actionBy(body, received, today, ruleset.deadline(HIPAA_ACTION)) : null;
        return new LetterData(kind, today, a.requestId, received, body.recipientName().strip(),
                body.recipientAddress(), s.clinicName, s.address, s.privacyContactName, s.privacyContactTitle,
                s.privacyContactPhone, s.privacyContactEmail, a.versionNumber, a.verdict, verdictText(a.verdict),
                exceptions, reasons, reviewable, a.signedBy, a.signedAt == null ? null
                        : calendars.localDate(a.signedAt),
                a.ruleset, body.note(), body.extensionReasons(), actionBy, body.recordsHeldBy());
    }

    /** The reviewing professional's decision and reasons, as the 164.524(d)(4) notice states them. */
    static Basis reviewOutcome(AssessmentReview review) {
        String decided = "reversed".equals(review.outcome)
                ? "A licensed health care professional who did not take part in the first decision reviewed it and"
                        + " reversed the denial. We will give you the information you asked for."
                : "A licensed health care professional who did not take part in the first decision reviewed it and"
                        + " upheld the denial.";
        return new Basis(decided + " The reviewer's reasons: " + review.reasons, "45 CFR 164.524(d)(4)", false);
    }

    /** 164.524(b)(2)(ii): one extension, of at most the catalog's extension beyond its first period. */
    private static LocalDate actionBy(NewLetter body, LocalDate received, LocalDate today, Deadline hipaaAction) {
        int first = hipaaAction.calendarDays();
        int extension = hipaaAction.extensionCalendarDays();
        LocalDate latest = received == null ? null : received.plusDays(first + extension);
        if (body.actionBy() == null) {
            if (latest == null) {
                throw ProblemException.invalid("actionBy", "is required when the decision has no request.received_date:"
                        + " the date by which the clinic will act (" + hipaaAction.cfr() + "(ii))");
            }
            return latest;
        }
        if (body.actionBy().isBefore(today)) {
            throw ProblemException.invalid("actionBy", "must not be in the past");
        }
        if (latest != null && body.actionBy().isAfter(latest)) {
            throw ProblemException.invalid("actionBy", "must be on or before " + latest + ": one extension of at most "
                    + extension + " days after the first " + first + " (" + hipaaAction.cfr() + "(ii))");
        }
        return body.actionBy();
    }

    /** A letter must fit the signed decision it is generated from (409 otherwise). */
    static void requireFits(LetterKind kind, DecisionRecord decision) {
        Assessment a = decision.assessment();
        if (!a.signed()) {
            throw ProblemException.conflict("Assessment version " + a.versionNumber + " is not signed. Letters are"
                    + " generated only from a signed decision: a privacy officer or clinician signs it first.");
        }
        LetterFit.whyNot(kind, decision, AssessmentReview.ofAssessment(a.id)).ifPresent(why -> {
            throw ProblemException.conflict(ProblemType.NOT_ALLOWED_FOR_DECISION, why);
        });
    }

    private static LetterKind validate(NewLetter body) {
        if (body == null) {
            throw ProblemException.invalid("body", "is required");
        }
        List<FieldError> errors = new ArrayList<>();
        LetterKind kind = body.kind() == null ? null : LetterKind.parse(body.kind()).orElse(null);
        if (kind == null) {
            errors.add(new FieldError("kind", "must be one of " + LetterKind.names()));
        }
        if (blank(body.recipientName())) {
            errors.add(new FieldError("recipientName", "must not be blank"));
        } else if (body.recipientName().length() > 200) {
            errors.add(new FieldError("recipientName", "must be at most 200 characters"));
        }
        if (body.recipientAddress() != null && body.recipientAddress().length() > 500) {
            errors.add(new FieldError("recipientAddress", "must be at most 500 characters"));
        }
        if (body.note() != null && body.note().length() > 2000) {
            errors.add(new FieldError("note", "must be at most 2000 characters"));
        }
        if (body.recordsHeldBy() != null && body.recordsHeldBy().length() > 500) {
            errors.add(new FieldError("recordsHeldBy", "must be at most 500 characters"));
        }
        if (kind == LetterKind.extension) {
            if (blank(body.extensionReasons())) {
                errors.add(new FieldError("extensionReasons",
                        "must give the reasons for the delay (164.524(b)(2)(ii))"));
            } else if (body.extensionReasons().length() > 2000) {
                errors.add(new FieldError("extensionReasons", "must be at most 2000 characters"));
            }
        } else if (kind != null) {
            if (body.extensionReasons() != null) {
                errors.add(new FieldError("extensionReasons", "is only for extension letters"));
            }
            if (body.actionBy() != null) {
                errors.add(new FieldError("actionBy", "is only for extension letters"));
            }
        }
        if (kind != null && kind != LetterKind.no_records && body.recordsHeldBy() != null) {
            errors.add(new FieldError("recordsHeldBy", "is only for no_records letters"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return kind;
    }

    public Letter get(UUID requestId, UUID letterId) {
        Letter letter = Letter.findById(letterId);
        if (letter == null || !letter.requestId.equals(requestId)) {
            throw ProblemException.notFound("Letter " + letterId);
        }
        return letter;
    }

    @Transactional
    public String html(UUID requestId, UUID letterId) {
        return get(requestId, letterId).html;
    }

    @Transactional
    public byte[] pdf(UUID requestId, UUID letterId) {
        return get(requestId, letterId).pdf;
    }

    /** Marks the letter sent: once (409 the second time), on a date that is neither in the future nor before the letter. */
    @Transactional
    public Letter markSent(UUID requestId, UUID letterId, Sent sent) {
        List<FieldError> errors = new ArrayList<>();
        if (sent == null) {
            throw ProblemException.invalid("body", "is required: send channel and sentOn");
        }
        if (sent.channel() == null || !CHANNELS.contains(sent.channel())) {
            errors.add(new FieldError("channel", "must be one of " + CHANNELS.stream().sorted().toList()));
        }
        Letter letter = get(requestId, letterId);
        LocalDate today = engine.today();
        LocalDate written = calendars.localDate(letter.createdAt);
        if (sent.sentOn() == null) {
            errors.add(new FieldError("sentOn", "is required: the date the letter was sent"));
        } else if (sent.sentOn().isAfter(today)) {
            errors.add(new FieldError("sentOn", "must not be in the future"));
        } else if (sent.sentOn().isBefore(written)) {
            errors.add(new FieldError("sentOn", "must not be before the letter was generated (" + written + ")"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Letter.getEntityManager().lock(letter, LockModeType.PESSIMISTIC_WRITE);
        Letter.getEntityManager().refresh(letter);
        if (letter.sent()) {
            throw ProblemException.conflict("This letter was already marked sent by " + letter.sentBy + " ("
                    + letter.sentChannel + ", " + letter.sentOn + "). A letter is marked sent once.");
        }
        letter.sentOn = sent.sentOn();
        letter.sentChannel = sent.channel();
        letter.sentBy = clinic.actor();
        letter.sentAt = Instant.now();
        audit.record(AuditTrail.LETTER, letter.id, "marked_sent", null,
                java.util.Map.of("channel", letter.sentChannel, "sentOn", letter.sentOn.toString()));
        return letter;
    }

    /** The timeline note for a sent letter: the kind, channel and date; never the recipient or the content. */
    public static String sentNote(Letter letter) {
        LetterKind kind = LetterKind.valueOf(letter.kind);
        return kind.label + " sent by " + letter.sentChannel.replace('_', ' ') + " on " + letter.sentOn + " by "
                + letter.sentBy + " (decision version " + letter.assessmentVersion + ", " + kind.cfr + ").";
    }

    static String verdictText(String verdict) {
        try {
            return Verdict.valueOf(verdict.toUpperCase(Locale.ROOT)).wording();
        } catch (IllegalArgumentException e) {
            return verdict;
        }
    }

    private String fingerprint(NewLetter body) {
        try {
            return json.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
