package org.ehiaccess.reporting.event;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every key an event's {@code data} may hold, with the one shape its value must have: a code from a closed list, a
 * code of a fixed pattern, an id or an instant. No key takes free text, so no patient name or note can reach the
 * reports. The codes are the producers' wire values (intake-service's Channel, RequesterType, RequestStatus,
 * ClockKind, Complaint.Source and .Status; decision-service's verdicts, practice types, Denial Reason Matrix legal
 * paths and letter kinds).
 */
public enum DataKey {
    channel(codes("portal", "patient_app", "fax", "mail", "email", "phone", "in_person", "direct", "hie",
            "payer_portal", "other")),
    requesterType(codes("patient", "personal_representative", "parent_or_guardian_of_minor",
            "other_provider_treatment", "payer", "third_party_app_patient_directed", "app_developer_business",
            "hie_hin", "law_enforcement", "attorney_or_court", "employer_or_life_insurer", "researcher",
            "public_health", "other")),
    status(codes("received", "triaged", "in_review", "waiting_on_requester", "extended", "fulfilled",
            "partially_fulfilled", "denied", "withdrawn")),
    clock(codes("internal_target", "hipaa_access", "state_law", "infeasibility_notice", "denial_review")),
    dueAt(Shape.INSTANT, null),
    level(Shape.CODE, null),
    assigneeId(Shape.ID, null),
    complaintId(Shape.UUID, null),
    complaintSource(codes("patient", "personal_representative", "other_provider", "app_developer", "hhs_ocr",
            "astp_information_blocking_portal", "hhs_oig", "state_agency", "other")),
    complaintStatus(codes("open", "investigating", "resolved", "withdrawn")),
    /** How a closed complaint ended. */
    outcome(codes("upheld", "not_upheld", "resolved_informally", "referred", "withdrawn")),
    /** The request a complaint is about; {@code null} in complaint.updated unlinks it. */
    linkedRequestId(Shape.UUID, null),
    assessmentId(Shape.UUID, null),
    verdict(codes("covered", "required_by_law", "not_covered", "needs_more_facts", "out_of_scope")),
    practiceType(codes("deny", "delay", "limit_scope", "condition_on_form_or_step", "charge_fee",
            "alternative_manner", "license_terms", "redirect_to_tefca", "make_unavailable", "fulfill_as_requested")),
    /** The Denial Reason Matrix's legal path of the signed decision. */
    legalBasis(codes("out_of_scope", "required_by_law", "hipaa_unreviewable", "part171_exception",
            "hipaa_reviewable_preventing_harm", "no_basis_fulfil")),
    /** The Part 171 exception relied on, by its section (171.201-171.206, 171.301-171.303, 171.403). */
    exceptionCode(Shape.EXCEPTION, null),
    /** The HIPAA ground of a denial (164.524(a)(1)-(3)), as the rule catalog's code (e.g. a3_endangerment). */
    hipaaGround(Shape.CODE, null),
    letterId(Shape.UUID, null),
    letterKind(codes("denial", "partial_fulfilment", "infeasibility", "extension", "no_records", "review_outcome")),
    sentVia(Shape.CODE, null),
    reviewId(Shape.UUID, null),
    reviewOutcome(codes("upheld", "reversed"));

    enum Shape {
        CODES, CODE, ID, UUID, INSTANT, EXCEPTION
    }

    private static final Pattern CODE = Pattern.compile("[a-z0-9_]{1,60}");
    /** An opaque account id (a token subject): no spaces, no @, so neither a name nor an address fits. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final Pattern EXCEPTION = Pattern.compile("171\\.(20[1-6]|30[1-3]|403)");

    private final Shape shape;
    private final Set<String> allowed;

    DataKey(Shape shape, Set<String> allowed) {
        this.shape = shape;
        this.allowed = allowed;
    }

    DataKey(Set<String> allowed) {
        this(Shape.CODES, allowed);
    }

    private static Set<String> codes(String... codes) {
        return new TreeSet<>(Arrays.asList(codes));
    }

    /** The codes this key takes, or null when it takes a pattern. */
    public Set<String> allowed() {
        return allowed;
    }

    /** Whether {@code text} is a value of this key (for query parameters that take the same codes). */
    public boolean accepts(String text) {
        return problem(com.fasterxml.jackson.databind.node.TextNode.valueOf(text)) == null;
    }

    /** What is wrong with {@code value} for this key, or null when it fits. */
    String problem(JsonNode value) {
        if (!value.isTextual()) {
            return "must be a string";
        }
        String text = value.textValue();
        return switch (shape) {
            case CODES -> allowed.contains(text) ? null : "must be one of " + String.join(", ", allowed);
            case CODE -> CODE.matcher(text).matches() ? null : "must be a code of a-z, 0-9 and _ (at most 60)";
            case ID -> ID.matcher(text).matches() ? null : "must be an id of letters, digits, '.', '_', ':' or '-'";
            case EXCEPTION -> EXCEPTION.matcher(text).matches() ? null
                    : "must be a Part 171 exception section (171.201-171.206, 171.301-171.303, 171.403)";
            case UUID -> isUuid(text) ? null : "must be a UUID";
            case INSTANT -> isInstant(text) ? null : "must be an instant as ISO 8601 text (2026-12-07T15:00:00Z)";
        };
    }

    static boolean isUuid(String text) {
        try {
            return text.length() == 36 && UUID.fromString(text) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static boolean isInstant(String text) {
        try {
            // bounded so that PostgreSQL can hold it
            int year = Instant.parse(text).atZone(java.time.ZoneOffset.UTC).getYear();
            return year >= 1900 && year <= 2200;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
