package org.ehiaccess.ui.request;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ehiaccess.ui.client.intake.Channel;
import org.ehiaccess.ui.client.Labeled;
import org.ehiaccess.ui.client.intake.Manner;
import org.ehiaccess.ui.client.intake.Purpose;
import org.ehiaccess.ui.client.intake.RequestStatus;
import org.ehiaccess.ui.client.intake.RequesterType;
import org.ehiaccess.ui.client.intake.TimelineEntry;
import org.ehiaccess.ui.web.ClinicTime;

/** One line of a request's timeline in the clinic's words: when, who, what, and before → after. */
public record TimelineLine(Instant at, String actor, String what, String detail, String before, String after,
        boolean change) {

    private static final Map<String, String> KINDS = Map.ofEntries(
            Map.entry("received", "Logged"),
            Map.entry("note", "Note"),
            Map.entry("identity_verified", "Identity verified"),
            Map.entry("authority_verified", "Authority verified"),
            Map.entry("extended", "Deadline extended"),
            Map.entry("duplicate_flagged", "Possible duplicate flagged"),
            Map.entry("duplicate_confirmed", "Duplicate confirmed"),
            Map.entry("duplicate_dismissed", "Duplicate dismissed"),
            Map.entry("complaint_linked", "Complaint linked"),
            Map.entry("alert_raised", "Deadline alert raised"),
            Map.entry("clock_started", "Clock started"),
            Map.entry("clock_met", "Clock met"));

    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("status", "Status"),
            Map.entry("waitingFor", "Waiting for"),
            Map.entry("patient", "Patient"),
            Map.entry("receivedAt", "Date and time received"),
            Map.entry("channel", "How it arrived"),
            Map.entry("requesterType", "Who is asking"),
            Map.entry("requesterName", "Requester's name"),
            Map.entry("requesterOrganization", "Requester's organization"),
            Map.entry("requesterContact", "How to reach the requester"),
            Map.entry("purpose", "Purpose"),
            Map.entry("ehiClasses", "Information requested"),
            Map.entry("allEhi", "All of the patient's EHI"),
            Map.entry("recordsFrom", "Records from"),
            Map.entry("recordsTo", "Records to"),
            Map.entry("mannerRequested", "How they want it"),
            Map.entry("notes", "Notes"),
            Map.entry("assignee", "Assigned to"));

    static TimelineLine of(TimelineEntry e, ClinicTime time) {
        if (e.isChange()) {
            String field = e.detail() == null ? "" : e.detail();
            return new TimelineLine(e.at(), e.actor(), "Changed: " + FIELDS.getOrDefault(field, field), "",
                    value(field, e.before(), time), value(field, e.after(), time), true);
        }
        String kind = e.kind() == null ? "" : e.kind();
        String detail = e.detail() == null ? "" : e.detail();
        // the service writes its own words with wire values in them: "Verified by photo_id_in_person"
        if (kind.endsWith("_verified")) {
            detail = words(detail, org.ehiaccess.ui.client.intake.VerificationMethod.values());
        } else if ("received".equals(kind)) {
            detail = words(detail, Channel.values());
        }
        return new TimelineLine(e.at(), e.actor(), KINDS.getOrDefault(kind, humanize(kind)), detail, "", "", false);
    }

    /** A value as the clinic reads it: a status's label, an instant in clinic time; "(none)" for nothing. */
    static String value(String field, String raw, ClinicTime time) {
        if (raw == null || raw.isBlank()) {
            return "(none)";
        }
        Optional<String> label = switch (field) {
            case "status" -> label(RequestStatus.values(), raw);
            case "channel" -> label(Channel.values(), raw);
            case "requesterType" -> label(RequesterType.values(), raw);
            case "purpose" -> label(Purpose.values(), raw);
            case "mannerRequested" -> label(Manner.values(), raw);
            case "allEhi" -> Optional.of("true".equals(raw) ? "Yes" : "No");
            case "receivedAt" -> {
                try {
                    yield Optional.of(time.dateTime(Instant.parse(raw)));
                } catch (RuntimeException e) {
                    yield Optional.empty();
                }
            }
            default -> Optional.empty();
        };
        return label.orElse(raw);
    }

    private static String words(String detail, Labeled[] values) {
        String[] tokens = detail.split(" ");
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i];
            tokens[i] = label(values, token).map(l -> l.toLowerCase(java.util.Locale.US)).orElse(token);
        }
        return String.join(" ", tokens);
    }

    private static Optional<String> label(Labeled[] values, String raw) {
        return Arrays.stream(values).filter(v -> v.wire().equals(raw)).map(Labeled::label).findFirst();
    }

    private static String humanize(String kind) {
        String words = kind.replace('_', ' ');
        return words.isEmpty() ? "" : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    static List<TimelineLine> of(List<TimelineEntry> entries, ClinicTime time) {
        return entries.stream().map(e -> of(e, time)).toList();
    }
}
