package org.ehiaccess.platform.security;

import static org.ehiaccess.platform.clinic.StaffRole.CLINICIAN;
import static org.ehiaccess.platform.clinic.StaffRole.CLINIC_ADMIN;
import static org.ehiaccess.platform.clinic.StaffRole.COMPLIANCE_LEAD;
import static org.ehiaccess.platform.clinic.StaffRole.FRONT_DESK;
import static org.ehiaccess.platform.clinic.StaffRole.PRIVACY_OFFICER;
import static org.ehiaccess.platform.clinic.StaffRole.SUPERVISOR;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one table of what each staff role may do, for all three services.
 * <p>
 * Endpoints name an operation with {@code @PermissionsAllowed(Permissions.SIGN_DECISION)};
 * {@link RolePermissionAugmentor} gives a signed-in person the operations of every role their token
 * holds (two roles, both sets). The README shows this table ({@link #markdownTable()}), and a test
 * keeps the two equal. {@code platform-admin} (the hosting operator) has no row: it sees no clinical data.
 */
public final class Permissions {

    // intake-service: the EHI Request Log
    /** What the caller may do, for a front end to offer only that (the answer is this table's rows for the token). */
    public static final String READ_OWN_OPERATIONS = "self:operations";
    public static final String READ_REQUESTS = "request:read";
    public static final String LOG_REQUEST = "request:create";
    public static final String EDIT_REQUEST = "request:edit";
    public static final String VERIFY_REQUESTER = "request:verify";
    public static final String CHANGE_STATUS = "request:status";
    public static final String DECIDE_DUPLICATE = "request:duplicate";
    public static final String ASSIGN_REQUEST = "request:assign";
    public static final String EXTEND_DEADLINE = "request:extend";
    public static final String ADD_NOTE = "request:note";
    public static final String START_CLOCK = "clock:start";
    public static final String MEET_CLOCK = "clock:meet";
    // intake-service: complaints, alerts, clinic settings
    public static final String READ_COMPLAINTS = "complaint:read";
    public static final String LOG_COMPLAINT = "complaint:create";
    public static final String UPDATE_COMPLAINT = "complaint:update";
    public static final String HANDLE_ALERTS = "alert:handle";
    public static final String READ_ALERT_RECIPIENTS = "alert:recipients";
    public static final String READ_SETTINGS = "settings:read";
    public static final String EDIT_SETTINGS = "settings:edit";
    public static final String READ_SETTINGS_AUDIT = "settings:audit";
    // decision-service: catalog, worksheet, decisions, reviews, letters
    public static final String READ_CATALOG = "catalog:read";
    public static final String EVALUATE = "evaluation:run";
    public static final String READ_ASSESSMENTS = "assessment:read";
    public static final String CREATE_ASSESSMENT = "assessment:create";
    public static final String UPDATE_ASSESSMENT = "assessment:update";
    public static final String SIGN_DECISION = "decision:sign";
    public static final String REQUEST_REVIEW = "review:request";
    public static final String DECIDE_REVIEW = "review:decide";
    public static final String READ_LETTERS = "letter:read";
    public static final String CREATE_LETTER = "letter:create";
    public static final String SEND_LETTER = "letter:send";
    // decision-service: the clinic's letter settings, templates and Denial Reason Matrix
    public static final String READ_LETTER_SETTINGS = "letter-settings:read";
    public static final String EDIT_LETTER_SETTINGS = "letter-settings:edit";
    public static final String READ_TEMPLATES = "template:read";
    public static final String EDIT_TEMPLATES = "template:edit";
    public static final String READ_MATRIX = "matrix:read";
    public static final String EDIT_MATRIX = "matrix:edit";

    // reporting-service: the clinic's figures on its own handling of requests
    public static final String READ_METRICS = "metrics:read";
    // reporting-service: the compliance program (quarterly denial review, policies, training)
    public static final String READ_DENIAL_REVIEWS = "denial-review:read";
    public static final String EDIT_DENIAL_REVIEW = "denial-review:edit";
    public static final String SIGN_DENIAL_REVIEW = "denial-review:sign";
    public static final String READ_POLICIES = "policy:read";
    public static final String EDIT_POLICY = "policy:edit";
    public static final String APPROVE_POLICY = "policy:approve";
    public static final String READ_TRAINING = "training:read";
    public static final String RECORD_TRAINING = "training:record";
    public static final String READ_SELF_AUDIT = "self-audit:read";
    public static final String EDIT_SELF_AUDIT = "self-audit:edit";
    public static final String COMPLETE_SELF_AUDIT = "self-audit:complete";

    // intake-service, for another of our services only (no staff role): a decision's effects relayed by the outbox
    public static final String APPLY_EFFECTS = "internal:effects";
    // reporting-service, for our services only: domain events relayed by the outboxes, and the rebuild an operator
    // runs with a service account's token (the platform admin reads no clinical data, so not that role)
    public static final String RECORD_EVENTS = "internal:events";
    public static final String REBUILD_REPORTS = "internal:rebuild";

    /** One row: an operation, what it covers, and the roles that may do it. */
    public record Row(String operation, String covers, Set<String> roles) {
    }

    /** Every clinic staff role: reading the clinic's records and reference data. */
    private static final String[] STAFF = { FRONT_DESK, CLINICIAN, PRIVACY_OFFICER, SUPERVISOR, COMPLIANCE_LEAD,
            CLINIC_ADMIN };

    private static final Map<String, Row> TABLE = new LinkedHashMap<>();

    static {
        row(READ_OWN_OPERATIONS, "see which operations one's own roles allow (the ui offers only those)", STAFF);
        row(READ_REQUESTS, "read the request log, a request, its timeline, the CSV export", STAFF);
        row(LOG_REQUEST, "log a request", FRONT_DESK);
        row(EDIT_REQUEST, "correct a request's details", FRONT_DESK);
        row(VERIFY_REQUESTER, "record identity or authority verification", FRONT_DESK);
        row(CHANGE_STATUS, "move a request along its lifecycle (fulfilled, denied, withdrawn, ...)", FRONT_DESK,
                PRIVACY_OFFICER);
        row(DECIDE_DUPLICATE, "confirm or dismiss a possible duplicate", FRONT_DESK);
        row(ASSIGN_REQUEST, "assign or reassign a request", SUPERVISOR);
        row(EXTEND_DEADLINE, "extend the HIPAA deadline with the written notice (164.524(b)(2)(ii))", SUPERVISOR);
        row(ADD_NOTE, "add a timeline note", FRONT_DESK, CLINICIAN, PRIVACY_OFFICER, SUPERVISOR);
        row(START_CLOCK, "start a clock (the front desk only the denial review)", FRONT_DESK, PRIVACY_OFFICER);
        row(MEET_CLOCK, "mark a clock met (notice sent, review decided)", CLINICIAN, PRIVACY_OFFICER);
        row(READ_COMPLAINTS, "read complaints and their audit", FRONT_DESK, PRIVACY_OFFICER, SUPERVISOR,
                COMPLIANCE_LEAD, CLINIC_ADMIN);
        row(LOG_COMPLAINT, "log a complaint", FRONT_DESK, PRIVACY_OFFICER, COMPLIANCE_LEAD);
        // the privacy officer is the HIPAA complaint contact (164.530(a)(1)(ii), (d))
        row(UPDATE_COMPLAINT, "work a complaint (status, resolution)", PRIVACY_OFFICER, COMPLIANCE_LEAD);
        row(HANDLE_ALERTS, "deadline alerts: read, mark read, own delivery", SUPERVISOR);
        row(READ_ALERT_RECIPIENTS, "see who gets deadline alerts", SUPERVISOR, CLINIC_ADMIN);
        row(READ_SETTINGS, "read clinic settings", STAFF);
        row(EDIT_SETTINGS, "edit clinic settings (time zone, closures, response policy)", CLINIC_ADMIN);
        row(READ_SETTINGS_AUDIT, "read the settings audit", CLINIC_ADMIN, COMPLIANCE_LEAD);
        row(READ_CATALOG, "read the rule catalog and decision trees", STAFF);
        row(EVALUATE, "evaluate worksheet answers (stores nothing; the worksheet shows the verdict to its readers)",
                STAFF);
        row(READ_ASSESSMENTS, "read assessments, their trail, summaries and reviews", STAFF);
        row(CREATE_ASSESSMENT, "start an assessment (run the worksheet)", PRIVACY_OFFICER);
        row(UPDATE_ASSESSMENT, "answer an unsigned assessment's questions (a clinician records a preventing-harm"
                + " determination)", PRIVACY_OFFICER, CLINICIAN);
        row(SIGN_DECISION, "sign and lock a decision", PRIVACY_OFFICER);
        row(REQUEST_REVIEW, "record that the individual asked for a review of a denial (164.524(a)(4))", FRONT_DESK,
                PRIVACY_OFFICER);
        row(DECIDE_REVIEW, "decide a review as an independent clinician (164.524(a)(4), (d)(4))", CLINICIAN);
        row(READ_LETTERS, "read letters (HTML, PDF)", STAFF);
        row(CREATE_LETTER, "generate a letter from a signed decision", PRIVACY_OFFICER);
        row(SEND_LETTER, "mark a letter sent", PRIVACY_OFFICER);
        row(READ_LETTER_SETTINGS, "read letter settings and their history", STAFF);
        row(EDIT_LETTER_SETTINGS, "edit letter settings", CLINIC_ADMIN);
        row(READ_TEMPLATES, "read letter templates, their data model and history", STAFF);
        row(EDIT_TEMPLATES, "edit, reset and preview letter templates", CLINIC_ADMIN);
        row(READ_MATRIX, "read the Denial Reason Matrix, its suggestions and history", STAFF);
        row(EDIT_MATRIX, "edit or reset the Denial Reason Matrix", CLINIC_ADMIN);
        row(READ_METRICS, "read the clinic's figures (dashboard, CSV, the requests behind a figure, complaint"
                + " reconciliation)", SUPERVISOR, COMPLIANCE_LEAD, CLINIC_ADMIN);
        row(READ_DENIAL_REVIEWS, "read the quarterly denial reviews (sample, tally sheets, totals, notes, follow-ups)",
                COMPLIANCE_LEAD, CLINIC_ADMIN);
        row(EDIT_DENIAL_REVIEW, "draw a quarterly denial review's sample, fill its tally sheets, notes and follow-ups",
                COMPLIANCE_LEAD);
        row(SIGN_DENIAL_REVIEW, "sign and lock a quarterly denial review", COMPLIANCE_LEAD);
        row(READ_POLICIES, "read the clinic's policies, their versions and the version in force on a date",
                PRIVACY_OFFICER, SUPERVISOR, COMPLIANCE_LEAD, CLINIC_ADMIN);
        row(EDIT_POLICY, "draft a policy or a new version of one, edit a draft", COMPLIANCE_LEAD);
        row(APPROVE_POLICY, "approve a policy version (it is then immutable)", COMPLIANCE_LEAD, CLINIC_ADMIN);
        row(READ_TRAINING, "read training records and who is due for training", SUPERVISOR, COMPLIANCE_LEAD,
                CLINIC_ADMIN);
        row(RECORD_TRAINING, "record a staff member's training and attestation", COMPLIANCE_LEAD);
        row(READ_SELF_AUDIT, "read the self-audit checklist, its history, completions, evidence and what is overdue",
                SUPERVISOR, COMPLIANCE_LEAD, CLINIC_ADMIN);
        row(EDIT_SELF_AUDIT, "add a self-audit task, change its frequency, retire it", CLINIC_ADMIN);
        row(COMPLETE_SELF_AUDIT, "record a self-audit task done, with a note and evidence", COMPLIANCE_LEAD,
                CLINIC_ADMIN);
        row(APPLY_EFFECTS, "apply a signed decision's effects to the request log (decision-service's own token only)",
                org.ehiaccess.platform.service.ServiceRole.SERVICE);
        row(RECORD_EVENTS, "deliver domain events to reporting-service (the outbox relays' own tokens only)",
                org.ehiaccess.platform.service.ServiceRole.SERVICE);
        row(REBUILD_REPORTS, "rebuild reporting-service's figures from its stored events (an operator, with a service"
                + " account's token)", org.ehiaccess.platform.service.ServiceRole.SERVICE);
    }

    private Permissions() {
    }

    private static void row(String operation, String covers, String... roles) {
        if (TABLE.put(operation, new Row(operation, covers, Set.copyOf(List.of(roles)))) != null) {
            throw new IllegalStateException("Operation listed twice: " + operation);
        }
    }

    /** Every row, in table order. */
    public static List<Row> table() {
        return List.copyOf(TABLE.values());
    }

    /** Every operation, in table order. */
    public static Set<String> operations() {
        return Collections.unmodifiableSet(TABLE.keySet());
    }

    /** The operations the given roles may do together (the union of each role's). */
    public static Set<String> of(Set<String> roles) {
        Set<String> granted = new LinkedHashSet<>();
        for (Row row : TABLE.values()) {
            if (row.roles().stream().anyMatch(roles::contains)) {
                granted.add(row.operation());
            }
        }
        return granted;
    }

    /** Whether someone holding {@code role} may do {@code operation}; unknown operations are refused. */
    public static boolean allows(String role, String operation) {
        Row row = TABLE.get(operation);
        return row != null && row.roles().contains(role);
    }

    /** The table as the README shows it: one row per operation, a column per staff role. */
    public static String markdownTable() {
        StringBuilder out = new StringBuilder("| operation | covers |");
        for (String role : STAFF) {
            out.append(' ').append(role).append(" |");
        }
        out.append("\n|---|---|").append("---|".repeat(STAFF.length)).append('\n');
        for (Row row : TABLE.values()) {
            out.append("| `").append(row.operation()).append("` | ").append(row.covers()).append(" |");
            for (String role : STAFF) {
                out.append(row.roles().contains(role) ? " ✓ |" : "  |");
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** The roles a row may name, in column order. */
    public static List<String> staffRoles() {
        return List.of(STAFF);
    }
}
