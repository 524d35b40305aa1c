package org.ehiaccess.ui.complaint;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ehiaccess.ui.client.intake.ComplaintBody;
import org.ehiaccess.ui.client.intake.ComplaintRecord;
import org.ehiaccess.ui.client.intake.ComplaintSource;
import org.ehiaccess.ui.client.intake.ComplaintStatus;
import org.ehiaccess.ui.client.ProblemDetails;
import org.ehiaccess.ui.web.FieldMessages;
import org.jboss.resteasy.reactive.RestForm;

/** A complaint as typed: logging a new one, or updating one (with the version it was read at). */
public class ComplaintForm {

    static final Map<String, String> LABELS = labels();

    private static final Map<String, String> REQUIRED = Map.of(
            "receivedOn", "Enter the date the complaint was received",
            "source", "Choose who complained",
            "allegation", "Describe what is alleged",
            "resolution", "Say how the complaint was resolved");

    @RestForm
    public String receivedOn;
    @RestForm
    public String source;
    @RestForm
    public String sourceName;
    @RestForm
    public String allegation;
    @RestForm
    public String requestIds;
    @RestForm
    public String status;
    @RestForm
    public String resolution;
    @RestForm
    public String resolvedOn;
    @RestForm
    public String version;
    @RestForm
    public String idempotencyKey;

    private final Map<String, String> errors = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private boolean conflict;

    static ComplaintForm blank(LocalDate today, String requestId) {
        ComplaintForm form = new ComplaintForm();
        form.receivedOn = today.toString();
        form.requestIds = requestId == null ? "" : requestId;
        form.status = ComplaintStatus.open.wire();
        form.idempotencyKey = UUID.randomUUID().toString();
        return form.normalized();
    }

    static ComplaintForm of(ComplaintRecord c) {
        ComplaintForm form = new ComplaintForm();
        form.receivedOn = c.receivedOn() == null ? "" : c.receivedOn().toString();
        form.source = c.source() == null ? "" : c.source().wire();
        form.sourceName = c.sourceName();
        form.allegation = c.allegation();
        form.requestIds = String.join("\n", c.requestIds().stream().map(UUID::toString).toList());
        form.status = c.status() == null ? "" : c.status().wire();
        form.resolution = c.resolution();
        form.resolvedOn = c.resolvedOn() == null ? "" : c.resolvedOn().toString();
        form.version = String.valueOf(c.version());
        return form.normalized();
    }

    ComplaintForm normalized() {
        receivedOn = strip(receivedOn);
        source = strip(source);
        sourceName = strip(sourceName);
        allegation = allegation == null ? "" : allegation.strip();
        requestIds = requestIds == null ? "" : requestIds.strip();
        status = strip(status);
        resolution = resolution == null ? "" : resolution.strip();
        resolvedOn = strip(resolvedOn);
        version = strip(version);
        idempotencyKey = strip(idempotencyKey);
        return this;
    }

    /** The body, or null when something cannot even be read (its message is set). */
    ComplaintBody toBody() {
        LocalDate received = date("receivedOn", receivedOn);
        LocalDate resolved = date("resolvedOn", resolvedOn);
        if (receivedOn.isEmpty()) {
            errors.put("receivedOn", REQUIRED.get("receivedOn"));
        }
        List<UUID> ids = new ArrayList<>();
        for (String token : requestIds.split("[\\s,;]+")) {
            if (token.isBlank()) {
                continue;
            }
            String id = token.strip();
            // a pasted link to the request page works as well as its id
            int slash = id.lastIndexOf('/');
            if (slash >= 0) {
                id = id.substring(slash + 1);
            }
            try {
                UUID uuid = UUID.fromString(id);
                if (!ids.contains(uuid)) {
                    ids.add(uuid);
                }
            } catch (IllegalArgumentException e) {
                errors.putIfAbsent("requestIds", "\"" + token.strip() + "\" is not a request id. Paste each request's id"
                        + " (or the address of its page), one per line");
            }
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new ComplaintBody(received, emptyToNull(source), emptyToNull(sourceName), emptyToNull(allegation),
                ids, emptyToNull(status), emptyToNull(resolution), resolved);
    }

    int editedVersion() {
        try {
            return Integer.parseInt(version);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    void reject(ProblemDetails problem) {
        for (ProblemDetails.FieldProblem error : problem.errors()) {
            String field = error.field() == null ? "" : error.field().split("[\\[.]", 2)[0];
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

    void conflict() {
        conflict = true;
    }

    void problem(String message) {
        problems.add(message);
    }

    void renewIdempotencyKey() {
        idempotencyKey = UUID.randomUUID().toString();
    }

    // --- read by the template -----------------------------------------------------------------

    public boolean conflicted() {
        return conflict;
    }

    public boolean hasErrors() {
        return !errors.isEmpty() || !problems.isEmpty();
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

    public List<Message> fieldMessages() {
        return LABELS.keySet().stream().filter(errors::containsKey).map(f -> new Message(f, errors.get(f))).toList();
    }

    public List<ComplaintSource> sources() {
        return Arrays.asList(ComplaintSource.values());
    }

    public List<ComplaintStatus> statuses() {
        return Arrays.asList(ComplaintStatus.values());
    }

    public record Message(String field, String message) {
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
        labels.put("receivedOn", "Received on");
        labels.put("source", "Who complained");
        labels.put("sourceName", "Their name");
        labels.put("allegation", "What is alleged");
        labels.put("requestIds", "Requests it concerns");
        labels.put("status", "Status");
        labels.put("resolution", "Resolution");
        labels.put("resolvedOn", "Resolved on");
        return java.util.Collections.unmodifiableMap(labels);
    }
}
