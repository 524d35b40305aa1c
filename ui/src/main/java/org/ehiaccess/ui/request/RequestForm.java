package org.ehiaccess.ui.request;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ehiaccess.ui.client.intake.Channel;
import org.ehiaccess.ui.client.intake.EhiClass;
import org.ehiaccess.ui.client.intake.Manner;
import org.ehiaccess.ui.client.intake.NewRequestBody;
import org.ehiaccess.ui.client.ProblemDetails;
import org.ehiaccess.ui.client.intake.Purpose;
import org.ehiaccess.ui.client.intake.RequesterType;
import org.jboss.resteasy.reactive.RestForm;
import org.ehiaccess.ui.web.ClinicTime;

/**
 * The "New request" form: what the person typed (kept as typed, so a refused form comes back as
 * they left it), the messages beside each field, and the choices the form offers.
 * Field names are the intake API's, so its problem details land beside the right input.
 */
public class RequestForm {

    /** The form's fields in reading order, with the words the labels use. */
    static final Map<String, String> LABELS = labels();

    /** The message when a required field is left empty, in the clinic's words. */
    private static final Map<String, String> REQUIRED = Map.of(
            "receivedAt", "Enter the date and time the request arrived",
            "channel", "Choose how the request arrived",
            "requesterType", "Choose who is asking",
            "requesterName", "Enter the requester's name",
            "patientName", "Enter the patient's name",
            "patientBirthDate", "Enter the patient's date of birth",
            "ehiClasses", "Choose at least one kind of information, or tick all of the patient's EHI");

    @RestForm
    public String receivedAt;
    @RestForm
    public String channel;
    @RestForm
    public String requesterType;
    @RestForm
    public String requesterName;
    @RestForm
    public String requesterOrganization;
    @RestForm
    public String requesterContact;
    @RestForm
    public String patientId;
    @RestForm
    public String patientName;
    @RestForm
    public String patientBirthDate;
    @RestForm
    public String patientMrn;
    @RestForm
    public String purpose;
    @RestForm
    public List<String> ehiClasses;
    @RestForm
    public String allEhi;
    @RestForm
    public String recordsFrom;
    @RestForm
    public String recordsTo;
    @RestForm
    public String mannerRequested;
    @RestForm
    public String notes;
    @RestForm
    public String assignee;
    /** Editing: the version of the request the form was filled from (sent as If-Match). */
    @RestForm
    public String version;
    /** Generated when the form is shown: sending the same form twice logs one request. */
    @RestForm
    public String idempotencyKey;

    private final Map<String, String> errors = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    /** An empty form: received now (clinic time), with a new idempotency key. */
    static RequestForm blank(ClinicTime time) {
        RequestForm form = new RequestForm();
        form.receivedAt = time.nowForInput();
        form.idempotencyKey = UUID.randomUUID().toString();
        return form.normalized();
    }

    /** The edit form: the request's details as they are, at its version. */
    static RequestForm of(org.ehiaccess.ui.client.intake.RequestRecord r, ClinicTime time) {
        RequestForm form = new RequestForm();
        form.receivedAt = time.forInput(r.receivedAt());
        form.channel = r.channel() == null ? "" : r.channel().wire();
        form.requesterType = r.requesterType() == null ? "" : r.requesterType().wire();
        form.requesterName = r.requesterName();
        form.requesterOrganization = r.requesterOrganization();
        form.requesterContact = r.requesterContact();
        form.patientId = r.patientId() == null ? "" : r.patientId().toString();
        form.patientName = r.patientName();
        form.patientBirthDate = r.patientBirthDate() == null ? "" : r.patientBirthDate().toString();
        form.patientMrn = r.patientMrn();
        form.purpose = r.purpose() == null ? "" : r.purpose().wire();
        form.ehiClasses = r.ehiClasses().stream().map(EhiClass::wire).toList();
        form.allEhi = r.allEhi() ? "true" : "";
        form.recordsFrom = r.recordsFrom() == null ? "" : r.recordsFrom().toString();
        form.recordsTo = r.recordsTo() == null ? "" : r.recordsTo().toString();
        form.mannerRequested = r.mannerRequested() == null ? "" : r.mannerRequested().wire();
        form.notes = r.notes();
        form.assignee = r.assignee();
        form.version = String.valueOf(r.version());
        return form.normalized();
    }

    /** Trims what was typed and replaces missing values by empty ones. */
    RequestForm normalized() {
        receivedAt = strip(receivedAt);
        channel = strip(channel);
        requesterType = strip(requesterType);
        requesterName = strip(requesterName);
        requesterOrganization = strip(requesterOrganization);
        requesterContact = strip(requesterContact);
        patientId = strip(patientId);
        patientName = strip(patientName);
        patientBirthDate = strip(patientBirthDate);
        patientMrn = strip(patientMrn);
        purpose = strip(purpose);
        allEhi = strip(allEhi);
        recordsFrom = strip(recordsFrom);
        recordsTo = strip(recordsTo);
        mannerRequested = strip(mannerRequested);
        notes = notes == null ? "" : notes.strip();
        assignee = strip(assignee);
        version = strip(version);
        idempotencyKey = strip(idempotencyKey);
        ehiClasses = ehiClasses == null ? new ArrayList<>()
                : new ArrayList<>(ehiClasses.stream().map(RequestForm::strip).filter(s -> !s.isEmpty()).distinct().toList());
        return this;
    }

    /**
     * The API body, or null when something cannot even be read (a date that is no date): then the
     * field has its message and nothing is sent.
     */
    NewRequestBody toBody(ClinicTime time) {
        return toBody(time, true);
    }

    /** The body; {@code checkKey}: a new request needs its idempotency key (an edit has a version instead). */
    NewRequestBody toBody(ClinicTime time, boolean checkKey) {
        Instant received = null;
        if (!receivedAt.isEmpty()) {
            try {
                received = time.parseInput(receivedAt);
            } catch (DateTimeParseException e) {
                errors.put("receivedAt", "Enter the date and time the request arrived, for example 2026-03-02T09:30");
            }
        }
        LocalDate birthDate = date("patientBirthDate", patientBirthDate,
                "Enter the date of birth as year-month-day, for example 1984-05-17");
        LocalDate from = date("recordsFrom", recordsFrom, "Enter the first date as year-month-day, for example 2024-01-31");
        LocalDate to = date("recordsTo", recordsTo, "Enter the last date as year-month-day, for example 2024-12-31");
        UUID knownPatient = null;
        if (!patientId.isEmpty()) {
            try {
                knownPatient = UUID.fromString(patientId);
            } catch (IllegalArgumentException e) {
                errors.put("patientId", "Enter the patient id as it appears in the patient index, or leave it empty");
            }
        }
        if (checkKey && !idempotencyKeyIsValid()) {
            problems.add("This form had expired. Check the details and send it again.");
            idempotencyKey = UUID.randomUUID().toString();
        }
        if (hasErrors()) {
            return null;
        }
        return new NewRequestBody(received, emptyToNull(channel), emptyToNull(requesterType), emptyToNull(requesterName),
                emptyToNull(requesterOrganization), emptyToNull(requesterContact), knownPatient, emptyToNull(patientName),
                birthDate, emptyToNull(patientMrn), emptyToNull(purpose), List.copyOf(ehiClasses), allEhiChecked(),
                from, to, emptyToNull(mannerRequested), emptyToNull(notes), emptyToNull(assignee));
    }

    /** The version being edited, or -1 when the form does not say (a new request). */
    int editedVersion() {
        try {
            return Integer.parseInt(version);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public boolean allEhiChecked() {
        return "true".equals(allEhi) || "on".equals(allEhi);
    }

    private LocalDate date(String field, String value, String message) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.put(field, message);
            return null;
        }
    }

    /** Puts the API's messages beside their fields; the rest goes above the form. */
    void reject(ProblemDetails problem) {
        for (ProblemDetails.FieldProblem error : problem.errors()) {
            String field = fieldOf(error.field());
            if (field != null) {
                errors.putIfAbsent(field, message(field, error.message()));
            } else {
                problems.add(error.message() == null ? String.valueOf(error.field()) : error.message());
            }
        }
        if (errors.isEmpty() && problems.isEmpty()) {
            problems.add(problem.detail() != null ? problem.detail() : problem.title());
        }
    }

    void problem(String message) {
        problems.add(message);
    }

    /** A new key: for when the old one belongs to another, already logged, request. */
    void renewIdempotencyKey() {
        idempotencyKey = UUID.randomUUID().toString();
    }

    // --- read by the template -----------------------------------------------------------------

    public boolean hasErrors() {
        return !errors.isEmpty() || !problems.isEmpty();
    }

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }

    public String error(String field) {
        return errors.getOrDefault(field, "");
    }

    /** Field messages in the form's order, for the summary above the form. */
    public List<FieldMessage> fieldMessages() {
        return LABELS.keySet().stream().filter(errors::containsKey)
                .map(field -> new FieldMessage(field, errors.get(field))).toList();
    }

    /** Messages that belong to no single field. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    public boolean checked(String ehiClass) {
        return ehiClasses.contains(ehiClass);
    }

    public List<Channel> channels() {
        return Arrays.asList(Channel.values());
    }

    public List<RequesterType> requesterTypes() {
        return Arrays.asList(RequesterType.values());
    }

    public List<Purpose> purposes() {
        return Arrays.asList(Purpose.values());
    }

    public List<EhiClass> ehiClassChoices() {
        return Arrays.asList(EhiClass.values());
    }

    public List<Manner> manners() {
        return Arrays.asList(Manner.values());
    }

    /** A message for the summary, linking to its field. */
    public record FieldMessage(String field, String message) {
    }

    // --- helpers ------------------------------------------------------------------------------

    private boolean idempotencyKeyIsValid() {
        try {
            UUID.fromString(idempotencyKey);
            return idempotencyKey.length() == 36;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** {@code ehiClasses[0]} and {@code ehiClasses[].<list element>} belong to {@code ehiClasses}. */
    static String fieldOf(String apiField) {
        if (apiField == null) {
            return null;
        }
        String field = apiField.split("[\\[.]", 2)[0];
        return LABELS.containsKey(field) ? field : null;
    }

    static String message(String field, String apiMessage) {
        String message = apiMessage == null ? "" : apiMessage.strip();
        if (message.isEmpty() || message.equals("must not be null") || message.equals("must not be blank")
                || message.equals("must not be empty")
                || (field.equals("ehiClasses") && message.startsWith("choose at least one"))) {
            return REQUIRED.getOrDefault(field, LABELS.get(field) + " is required");
        }
        if (message.startsWith("must be one of")) {
            return "Choose one of the options for " + LABELS.get(field).toLowerCase(java.util.Locale.US);
        }
        for (Map.Entry<String, String> other : LABELS.entrySet()) {
            // "must be on or after recordsFrom" names the other field as the form does
            if (other.getKey().chars().noneMatch(Character::isUpperCase)) {
                continue;
            }
            message = message.replaceAll("\\b" + other.getKey() + "\\b", other.getValue().toLowerCase(java.util.Locale.US));
        }
        if (message.startsWith("must ") || message.startsWith("is ") || message.startsWith("size ")) {
            // "must be on or after 1900-01-01" reads as a sentence after the field's name
            return LABELS.get(field) + " " + message;
        }
        // already a sentence of its own
        return Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }

    private static Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("receivedAt", "Date and time received");
        labels.put("channel", "How it arrived");
        labels.put("requesterType", "Who is asking");
        labels.put("requesterName", "Requester's name");
        labels.put("requesterOrganization", "Requester's organization");
        labels.put("requesterContact", "How to reach the requester");
        labels.put("patientId", "Known patient id");
        labels.put("patientName", "Patient's name");
        labels.put("patientBirthDate", "Patient's date of birth");
        labels.put("patientMrn", "Medical record number (MRN)");
        labels.put("allEhi", "All of the patient's EHI");
        labels.put("ehiClasses", "Information requested");
        labels.put("recordsFrom", "Records from");
        labels.put("recordsTo", "Records to");
        labels.put("purpose", "Purpose");
        labels.put("mannerRequested", "How they want it");
        labels.put("notes", "Notes");
        labels.put("assignee", "Assigned to");
        return java.util.Collections.unmodifiableMap(labels);
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
