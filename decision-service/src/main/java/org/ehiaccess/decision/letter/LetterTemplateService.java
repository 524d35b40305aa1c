package org.ehiaccess.decision.letter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ehiaccess.decision.audit.AuditTrail;
import org.ehiaccess.decision.letter.LetterGrounds.Basis;
import org.ehiaccess.decision.clinic.ClinicLocks;
import org.ehiaccess.platform.clinic.ClinicContext;
import org.ehiaccess.platform.problem.Problem.FieldError;
import org.ehiaccess.platform.problem.ProblemException;
import org.ehiaccess.platform.version.Versions;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The clinic's letter templates: its own wording once a clinic administrator saves it, the shipped default until then
 * and after a reset. A template is checked before it is saved: it must parse and render against the letter data
 * model (an unknown name is refused, naming the field and the problem).
 */
@ApplicationScoped
public class LetterTemplateService {

    static final int MAX_SUBJECT = 300;
    static final int MAX_BODY = 20_000;

    private final DefaultTemplates defaults = DefaultTemplates.load();

    @Inject
    LetterRenderer renderer;

    @Inject
    ClinicContext clinic;

    @Inject
    ClinicLocks locks;

    @Inject
    AuditTrail audit;

    /** A template as the API shows it. */
    public record Template(String kind, String title, String cfr, long version, boolean customised, String subject,
            String body) {
    }

    /** The body of PUT /api/v1/letter-templates/{kind}. */
    // its OpenAPI name, fixed: the generated one depends on the order in which the classes are scanned
    @Schema(name = "Update3")
    public record Update(String subject, String body) {
    }

    public List<Template> all() {
        List<LetterTemplate> stored = LetterTemplate.all();
        List<Template> templates = new ArrayList<>();
        for (LetterKind kind : LetterKind.values()) {
            templates.add(view(kind, stored.stream().filter(t -> t.kind.equals(kind.name())).findFirst().orElse(null)));
        }
        return templates;
    }

    public Template get(LetterKind kind) {
        return view(kind, LetterTemplate.ofKind(kind));
    }

    @Transactional
    public Template save(LetterKind kind, Update update, long expectedVersion) {
        validate(kind, update);
        locks.lock("letter-template/" + kind);
        LetterTemplate stored = LetterTemplate.ofKind(kind);
        Template before = view(kind, stored);
        Versions.check("letter template", expectedVersion, before.version());
        if (stored == null) {
            stored = new LetterTemplate();
            stored.id = UUID.randomUUID();
            stored.kind = kind.name();
        }
        stored.customised = true;
        stored.subject = update.subject();
        stored.body = update.body();
        touch(stored);
        Template after = view(kind, stored);
        audit.record(AuditTrail.LETTER_TEMPLATE, kind.name(), "saved", before, after);
        return after;
    }

    @Transactional
    public Template reset(LetterKind kind, OptionalLong expectedVersion) {
        locks.lock("letter-template/" + kind);
        LetterTemplate stored = LetterTemplate.ofKind(kind);
        Template before = view(kind, stored);
        expectedVersion.ifPresent(v -> Versions.check("letter template", v, before.version()));
        if (stored == null) {
            stored = new LetterTemplate();
            stored.id = UUID.randomUUID();
            stored.kind = kind.name();
        }
        stored.customised = false;
        stored.subject = null;
        stored.body = null;
        touch(stored);
        Template after = view(kind, stored);
        audit.record(AuditTrail.LETTER_TEMPLATE, kind.name(), "reset_to_default", before, after);
        return after;
    }

    /** As saving would check it, for a preview. */
    public void validateForPreview(LetterKind kind, Update update) {
        validate(kind, update);
    }

    /** Checks the wording against sample data of the kind: it must parse and every name must exist. */
    void validate(LetterKind kind, Update update) {
        if (update == null) {
            throw ProblemException.invalid("body", "is required: send subject and body");
        }
        List<FieldError> errors = new ArrayList<>();
        LetterData sample = sample(kind);
        if (update.subject() == null || update.subject().isBlank()) {
            errors.add(new FieldError("subject", "must not be blank"));
        } else if (update.subject().length() > MAX_SUBJECT) {
            errors.add(new FieldError("subject", "must be at most " + MAX_SUBJECT + " characters"));
        } else if (update.subject().contains("\n")) {
            errors.add(new FieldError("subject", "must be one line"));
        } else {
            check("subject", update.subject(), sample, errors);
        }
        if (update.body() == null || update.body().isBlank()) {
            errors.add(new FieldError("body", "must not be blank"));
        } else if (update.body().length() > MAX_BODY) {
            errors.add(new FieldError("body", "must be at most " + MAX_BODY + " characters"));
        } else {
            check("body", update.body(), sample, errors);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private void check(String field, String template, LetterData sample, List<FieldError> errors) {
        try {
            renderer.text(template, sample.model());
        } catch (LetterRenderer.TemplateProblem e) {
            errors.add(new FieldError(field, "is not a usable template: " + e.getMessage()
                    + ". See GET /api/v1/letter-templates/data-model for the names you can use."));
        }
    }

    /** The wording a letter of this kind is made with now. */
    public DefaultTemplates.Wording wording(LetterKind kind) {
        Template template = get(kind);
        return new DefaultTemplates.Wording(template.subject(), template.body());
    }

    public boolean customised(LetterKind kind) {
        return get(kind).customised();
    }

    /** Sample data with every part present (review rights included), used to check templates and to preview them. */
    public static LetterData sample(LetterKind kind) {
        return new LetterData(kind, LocalDate.of(2026, 12, 1), UUID.fromString("3f2a9c1e-0000-4000-8000-000000000001"),
                LocalDate.of(2026, 11, 20), "Alex Rivera", "12 Main Street\nSpringfield, IL 62701",
                "Sunrise Family Medicine", "100 Clinic Road\nSpringfield, IL 62702", "Jordan Lee", "Privacy Officer",
                "(555) 010-2000", "privacy@example.org", 1, "covered", "covered by an exception",
                List.of(new LetterData.Exception("171.201", "Preventing Harm")),
                List.of(new Basis("A licensed health care professional decided that ...", "45 CFR 164.524(a)(3)(i)", true)),
                true, "sunrise-clinician", LocalDate.of(2026, 11, 28), "CURRENT_2024_12", "A note from the clinic.",
                "We are waiting for records from storage.", LocalDate.of(2027, 1, 19), "Lakeside Hospital, Records Office");
    }

    private void touch(LetterTemplate stored) {
        stored.rowVersion++;
        stored.updatedBy = clinic.actor();
        stored.updatedAt = Instant.now();
        stored.persist();
    }

    private Template view(LetterKind kind, LetterTemplate stored) {
        DefaultTemplates.Wording standard = defaults.of(kind);
        if (stored == null) {
            return new Template(kind.name(), kind.label, kind.cfr, 0, false, standard.subject(), standard.body());
        }
        if (!stored.customised) {
            return new Template(kind.name(), kind.label, kind.cfr, stored.rowVersion, false, standard.subject(),
                    standard.body());
        }
        return new Template(kind.name(), kind.label, kind.cfr, stored.rowVersion, true, stored.subject, stored.body);
    }
}
