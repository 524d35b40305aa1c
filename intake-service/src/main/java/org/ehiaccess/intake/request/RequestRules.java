package org.ehiaccess.intake.request;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;

import org.ehiaccess.platform.problem.Problem.FieldError;
import org.ehiaccess.platform.problem.ProblemException;

/**
 * Checks a request before anything is saved and reports every bad field at once, each by the name
 * the client sent, so a form can show every message beside its input.
 */
@ApplicationScoped
public class RequestRules {

    /** Oldest birth date accepted: anything earlier is a typing error, not a patient. */
    static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);
    /** A receipt time slightly ahead of our clock is a skewed clock, not a future request. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    /** Received dates before this are typing errors (the rule took effect in 2021). */
    static final Instant EARLIEST_RECEIPT = Instant.parse("2015-01-01T00:00:00Z");

    @Inject
    Validator validator;

    @Inject
    Clock clock;

    /** Throws a 400 problem naming each offending field; returns normally when the request is valid. */
    public void check(NewRequest input) {
        if (input == null) {
            throw ProblemException.invalid("body", "a request body is required");
        }
        List<FieldError> errors = new ArrayList<>();
        validator.validate(input).forEach(v -> errors.add(new FieldError(v.getPropertyPath().toString()
                .replaceAll("\\[\\]\\.<iterable element>|\\.<iterable element>", ""), v.getMessage())));
        Instant now = clock.instant();
        if (input.receivedAt() != null && input.receivedAt().isAfter(now.plus(CLOCK_SKEW))) {
            errors.add(new FieldError("receivedAt", "must not be in the future"));
        }
        if (input.receivedAt() != null && input.receivedAt().isBefore(EARLIEST_RECEIPT)) {
            errors.add(new FieldError("receivedAt", "must be on or after " + EARLIEST_RECEIPT.toString().substring(0, 10)));
        }
        requireText(errors, "requesterName", input.requesterName());
        if (input.patientId() == null) {
            requireText(errors, "patientName", input.patientName());
            if (input.patientBirthDate() == null) {
                errors.add(new FieldError("patientBirthDate", "must not be null"));
            }
        }
        if (input.patientBirthDate() != null && input.patientBirthDate().isBefore(EARLIEST_BIRTH_DATE)) {
            errors.add(new FieldError("patientBirthDate", "must be on or after " + EARLIEST_BIRTH_DATE));
        }
        if (!input.asksForAllEhi() && (input.ehiClasses() == null || input.ehiClasses().isEmpty())) {
            errors.add(new FieldError("ehiClasses", "choose at least one kind of information, or all EHI"));
        }
        checkDateRange(errors, input.recordsFrom(), input.recordsTo(), now);
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(FieldError::field));
            throw ProblemException.invalid(errors.stream().distinct().toList());
        }
    }

    static void checkDateRange(List<FieldError> errors, LocalDate from, LocalDate to, Instant now) {
        if (from != null && to != null && from.isAfter(to)) {
            errors.add(new FieldError("recordsTo", "must be on or after recordsFrom"));
        }
        if (from != null && from.isAfter(LocalDate.ofInstant(now, java.time.ZoneOffset.UTC).plusDays(1))) {
            errors.add(new FieldError("recordsFrom", "must not be in the future"));
        }
    }

    static void requireText(List<FieldError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "must not be blank"));
        }
    }
}
