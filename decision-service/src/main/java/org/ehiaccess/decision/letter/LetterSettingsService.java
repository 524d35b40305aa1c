package org.ehiaccess.decision.letter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ehiaccess.decision.audit.AuditTrail;
import org.ehiaccess.decision.clinic.ClinicLocks;
import org.ehiaccess.platform.clinic.ClinicContext;
import org.ehiaccess.platform.problem.Problem.FieldError;
import org.ehiaccess.platform.problem.ProblemException;
import org.ehiaccess.platform.version.Versions;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The clinic's letter settings. A denial must say how to complain to the clinic, with the designated contact's name
 * or title and telephone number (164.524(d)(2)(iii), 164.530(d)); letters are refused until these are filled in.
 */
@ApplicationScoped
public class LetterSettingsService {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("[0-9+()\\-. /xX]+");

    @Inject
    ClinicContext clinic;

    @Inject
    ClinicLocks locks;

    @Inject
    AuditTrail audit;

    /**
     * The settings as the API shows them; {@code complete} is false until the clinic has saved them (version 0 shows
     * the clinic's name from the sign-in and nothing else).
     */
    public record Settings(long version, boolean complete, String clinicName, String address,
            String privacyContactName, String privacyContactTitle, String privacyContactPhone,
            String privacyContactEmail) {
    }

    /** The body of PUT /api/v1/letter-settings. */
    // its OpenAPI name, fixed: the generated one depends on the order in which the classes are scanned
    @Schema(name = "Update2")
    public record Update(String clinicName, String address, String privacyContactName, String privacyContactTitle,
            String privacyContactPhone, String privacyContactEmail) {
    }

    public Settings current() {
        return view(LetterSettings.current());
    }

    @Transactional
    public Settings save(Update update, long expectedVersion) {
        validate(update);
        locks.lock("letter-settings");
        LetterSettings stored = LetterSettings.current();
        Settings before = view(stored);
        Versions.check("letter settings", expectedVersion, before.version());
        if (stored == null) {
            stored = new LetterSettings();
            stored.id = UUID.randomUUID();
        }
        stored.clinicName = update.clinicName().strip();
        stored.address = trim(update.address());
        stored.privacyContactName = trim(update.privacyContactName());
        stored.privacyContactTitle = trim(update.privacyContactTitle());
        stored.privacyContactPhone = update.privacyContactPhone().strip();
        stored.privacyContactEmail = trim(update.privacyContactEmail());
        stored.rowVersion++;
        stored.updatedBy = clinic.actor();
        stored.updatedAt = Instant.now();
        stored.persist();
        Settings after = view(stored);
        audit.record(AuditTrail.LETTER_SETTINGS, "settings", "saved", before, after);
        return after;
    }

    /** The settings a letter is made with; 409 until the complaint contact is filled in. */
    public LetterSettings requireComplete() {
        LetterSettings stored = LetterSettings.current();
        if (stored == null) {
            throw ProblemException.conflict("Fill in the letter settings first (clinic administrator): every denial"
                    + " must name the contact for complaints, with a name or title and a phone number (45 CFR"
                    + " 164.524(d)(2)(iii)).");
        }
        return stored;
    }

    private static void validate(Update update) {
        if (update == null) {
            throw ProblemException.invalid("body", "is required");
        }
        List<FieldError> errors = new ArrayList<>();
        if (blank(update.clinicName())) {
            errors.add(new FieldError("clinicName", "must not be blank"));
        } else if (update.clinicName().length() > 200) {
            errors.add(new FieldError("clinicName", "must be at most 200 characters"));
        }
        if (update.address() != null && update.address().length() > 500) {
            errors.add(new FieldError("address", "must be at most 500 characters"));
        }
        if (blank(update.privacyContactName()) && blank(update.privacyContactTitle())) {
            errors.add(new FieldError("privacyContactName",
                    "give the contact's name or title: a denial must name the contact for complaints (164.524(d)(2)(iii))"));
        }
        for (var field : List.of(new String[] { "privacyContactName", update.privacyContactName() },
                new String[] { "privacyContactTitle", update.privacyContactTitle() })) {
            if (field[1] != null && field[1].length() > 200) {
                errors.add(new FieldError(field[0], "must be at most 200 characters"));
            }
        }
        String phone = update.privacyContactPhone();
        if (blank(phone)) {
            errors.add(new FieldError("privacyContactPhone",
                    "is required: a denial must give the contact's phone number (164.524(d)(2)(iii))"));
        } else if (phone.length() > 40 || !PHONE.matcher(phone.strip()).matches()
                || phone.chars().filter(Character::isDigit).count() < 7) {
            errors.add(new FieldError("privacyContactPhone", "must be a phone number, e.g. (555) 010-2000 x12"));
        }
        String email = update.privacyContactEmail();
        if (!blank(email) && (email.length() > 200 || !EMAIL.matcher(email.strip()).matches())) {
            errors.add(new FieldError("privacyContactEmail", "must be an e-mail address"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private Settings view(LetterSettings s) {
        if (s == null) {
            return new Settings(0, false, clinic.clinicName().orElse(clinic.clinicId()), null, null, null, null, null);
        }
        return new Settings(s.rowVersion, true, s.clinicName, s.address, s.privacyContactName, s.privacyContactTitle,
                s.privacyContactPhone, s.privacyContactEmail);
    }

    private static String trim(String text) {
        return blank(text) ? null : text.strip();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
