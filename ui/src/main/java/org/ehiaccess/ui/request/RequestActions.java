package org.ehiaccess.ui.request;

import org.ehiaccess.ui.web.FieldMessages;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ehiaccess.ui.client.intake.Manner;
import org.ehiaccess.ui.client.ProblemDetails;
import org.ehiaccess.ui.client.intake.RequestChangeBodies;
import org.ehiaccess.ui.client.intake.RequestStatus;
import org.ehiaccess.ui.client.intake.VerificationMethod;
import org.jboss.resteasy.reactive.RestForm;
import org.ehiaccess.ui.web.ClinicTime;

/**
 * The action forms of one request's page (status, verification, assignment, note, extension): what
 * the person typed, kept when a change is refused, and the messages beside each field. Each form
 * carries the version of the request the page was rendered with; the API refuses a stale one.
 */
public class RequestActions {

    /** The action panels, in the page's order: the key is the form's id and the {@code act} of a link. */
    public static final List<String> ACTIONS = List.of("status", "verification", "assignment", "note", "extension");

    static final Map<String, String> LABELS = labels();

    private static final Map<String, String> REQUIRED = Map.of(
            "status", "Choose the new status",
            "waitingFor", "Say what the clinic is waiting for from the requester",
            "mannerUsed", "Choose how the request was fulfilled",
            "method", "Choose how it was verified",
            "subject", "Choose what was verified",
            "text", "Write the note",
            "noticeSentOn", "Enter the date the written notice was sent",
            "reasons", "Give the reasons for the delay, as the notice states them",
            "expectedActionDate", "Enter the date by which the clinic will act");

    @RestForm
    public String version;
    @RestForm
    public String status;
    @RestForm
    public String waitingFor;
    @RestForm
    public String mannerUsed;
    @RestForm
    public String fulfilledAt;
    @RestForm
    public String note;
    @RestForm
    public String subject;
    @RestForm
    public String method;
    @RestForm
    public String verifiedAt;
    @RestForm
    public String assignee;
    @RestForm
    public String text;
    @RestForm
    public String noticeSentOn;
    @RestForm
    public String reasons;
    @RestForm
    public String expectedActionDate;

    /** The action these values belong to (the panel shown open), or empty. */
    private String action = "";
    private final Map<String, String> errors = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private boolean conflict;
    private boolean decisionRequired;
    private boolean submitted;

    /** Empty forms for a freshly shown page; {@code open}: the panel a link asked for. */
    static RequestActions blank(String open, ClinicTime time) {
        RequestActions actions = new RequestActions();
        actions.action = open == null || !ACTIONS.contains(open) ? "" : open;
        actions.normalized();
        actions.verifiedAt = time.nowForInput();
        actions.fulfilledAt = "";
        return actions;
    }

    RequestActions normalized() {
        version = strip(version);
        status = strip(status);
        waitingFor = strip(waitingFor);
        mannerUsed = strip(mannerUsed);
        fulfilledAt = strip(fulfilledAt);
        note = note == null ? "" : note.strip();
        subject = strip(subject);
        method = strip(method);
        verifiedAt = strip(verifiedAt);
        assignee = strip(assignee);
        text = text == null ? "" : text.strip();
        noticeSentOn = strip(noticeSentOn);
        reasons = reasons == null ? "" : reasons.strip();
        expectedActionDate = strip(expectedActionDate);
        return this;
    }

    RequestActions forAction(String name) {
        this.action = name;
        this.submitted = true;
        return normalized();
    }

    /** The version the page was rendered with, or -1 when the form does not carry one. */
    int renderedVersion() {
        try {
            return Integer.parseInt(version);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    // --- bodies (null when a value cannot even be read; its message is set) ----------------------

    RequestChangeBodies.StatusChange statusChange(ClinicTime time) {
        if (status.isEmpty()) {
            errors.put("status", REQUIRED.get("status"));
        }
        boolean waiting = RequestStatus.waiting_on_requester.wire().equals(status);
        boolean fulfilling = RequestStatus.fulfilled.wire().equals(status)
                || RequestStatus.partially_fulfilled.wire().equals(status);
        if (waiting && waitingFor.isEmpty()) {
            errors.put("waitingFor", REQUIRED.get("waitingFor"));
        }
        if (fulfilling && mannerUsed.isEmpty()) {
            errors.put("mannerUsed", REQUIRED.get("mannerUsed"));
        }
        Instant fulfilled = fulfilling ? instant("fulfilledAt", fulfilledAt, time) : null;
        if (!errors.isEmpty()) {
            return null;
        }
        // only what belongs to the chosen status is sent
        return new RequestChangeBodies.StatusChange(status, waiting ? waitingFor : null,
                fulfilling ? mannerUsed : null, fulfilled, emptyToNull(note));
    }

    RequestChangeBodies.Verification verification(ClinicTime time) {
        if (subject.isEmpty()) {
            errors.put("subject", REQUIRED.get("subject"));
        }
        if (method.isEmpty()) {
            errors.put("method", REQUIRED.get("method"));
        }
        Instant at = instant("verifiedAt", verifiedAt, time);
        return errors.isEmpty() ? new RequestChangeBodies.Verification(subject, method, at) : null;
    }

    RequestChangeBodies.Assignment assignment() {
        return new RequestChangeBodies.Assignment(emptyToNull(assignee));
    }

    RequestChangeBodies.Note noteBody() {
        if (text.isEmpty()) {
            errors.put("text", REQUIRED.get("text"));
            return null;
        }
        return new RequestChangeBodies.Note(text);
    }

    RequestChangeBodies.Extension extension() {
        LocalDate sent = date("noticeSentOn", noticeSentOn);
        LocalDate by = date("expectedActionDate", expectedActionDate);
        if (noticeSentOn.isEmpty()) {
            errors.put("noticeSentOn", REQUIRED.get("noticeSentOn"));
        }
        if (expectedActionDate.isEmpty()) {
            errors.put("expectedActionDate", REQUIRED.get("expectedActionDate"));
        }
        if (reasons.isEmpty()) {
            errors.put("reasons", REQUIRED.get("reasons"));
        }
        return errors.isEmpty() ? new RequestChangeBodies.Extension(sent, reasons, by) : null;
    }

    /** The API's field messages beside the fields; the rest above the form. */
    void reject(ProblemDetails problem) {
        for (ProblemDetails.FieldProblem error : problem.errors()) {
            String field = error.field() == null ? "" : error.field();
            if (LABELS.containsKey(field)) {
                errors.putIfAbsent(field, FieldMessages.sentence(field, error.message(), LABELS, REQUIRED.get(field)));
            } else {
                problems.add(error.message() == null ? field : FieldMessages.sentence(field, error.message(), LABELS, null));
            }
        }
        if (errors.isEmpty() && problems.isEmpty()) {
            problems.add(problem.detail() != null ? problem.detail() : problem.title());
        }
    }

    /** Someone else changed the request since the page was rendered. */
    void conflict() {
        conflict = true;
    }

    void problem(String message) {
        problems.add(message);
    }

    /** Refused for want of a signed decision that supports the change; the page links to the worksheet. */
    void decisionRequired(String message) {
        decisionRequired = true;
        problems.add(message);
    }

    /** The change needs a signed decision first: show the way to the worksheet beside the reason. */
    public boolean needsDecision() {
        return decisionRequired;
    }

    // --- read by the template -----------------------------------------------------------------

    /** The panel to show open: the one refused, or the one a link asked for. */
    public boolean isOpen(String name) {
        return action.equals(name);
    }

    /** This action's form was sent: show what was typed rather than the request's current values. */
    public boolean submitted(String name) {
        return submitted && action.equals(name);
    }

    public boolean failed(String name) {
        return action.equals(name) && (hasErrors() || conflict);
    }

    public boolean hasErrors() {
        return !errors.isEmpty() || !problems.isEmpty();
    }

    public boolean conflicted() {
        return conflict;
    }

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }

    public String error(String field) {
        return errors.getOrDefault(field, "");
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }

    public List<RequestForm.FieldMessage> fieldMessages() {
        return LABELS.keySet().stream().filter(errors::containsKey)
                .map(field -> new RequestForm.FieldMessage(field, errors.get(field))).toList();
    }

    public List<RequestStatus> settableStatuses() {
        return RequestStatus.settable();
    }

    public List<Manner> manners() {
        return Arrays.asList(Manner.values());
    }

    public List<VerificationMethod> methods() {
        return Arrays.asList(VerificationMethod.values());
    }

    // --- helpers ------------------------------------------------------------------------------

    private Instant instant(String field, String value, ClinicTime time) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return time.parseInput(value);
        } catch (DateTimeParseException e) {
            errors.put(field, LABELS.get(field) + ": enter a date and time, for example 2026-03-02T09:30");
            return null;
        }
    }

    private LocalDate date(String field, String value) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.put(field, LABELS.get(field) + ": enter a date as year-month-day, for example 2026-03-02");
            return null;
        }
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("status", "New status");
        labels.put("waitingFor", "Waiting for");
        labels.put("mannerUsed", "How it was fulfilled");
        labels.put("fulfilledAt", "Fulfilled on");
        labels.put("note", "Note for the timeline");
        labels.put("subject", "What was verified");
        labels.put("method", "How it was verified");
        labels.put("verifiedAt", "Verified on");
        labels.put("assignee", "Assign to");
        labels.put("text", "Note");
        labels.put("noticeSentOn", "Written notice sent on");
        labels.put("reasons", "Reasons for the delay");
        labels.put("expectedActionDate", "The clinic will act by");
        return java.util.Collections.unmodifiableMap(labels);
    }
}
