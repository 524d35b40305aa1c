package org.ehiaccess.ui.dashboard;

import java.util.Map;

import org.ehiaccess.ui.client.intake.Channel;
import org.ehiaccess.ui.client.decision.DenialReasonMatrix;
import org.ehiaccess.ui.client.intake.RequesterType;

/** The dashboard's codes in words: the labels the ui already has for channels and requesters, and the rest here. */
final class DashboardLabels {

    /** intake-service's clock kinds. */
    private static final Map<String, String> CLOCKS = Map.of(
            "internal_target", "Internal target",
            "hipaa_access", "HIPAA 30 days, or 60 with an extension (164.524(b)(2))",
            "state_law", "State law deadline",
            "infeasibility_notice", "Infeasibility notice: written reasons (171.204(b))",
            "denial_review", "Review of a denial (164.524(a)(4))");

    /** The Part 171 sections a denial may rely on. */
    private static final Map<String, String> EXCEPTIONS = Map.ofEntries(
            Map.entry("171.201", "Preventing harm (171.201)"),
            Map.entry("171.202", "Privacy (171.202)"),
            Map.entry("171.203", "Security (171.203)"),
            Map.entry("171.204", "Infeasibility (171.204)"),
            Map.entry("171.205", "Health IT performance (171.205)"),
            Map.entry("171.206", "Protecting care access (171.206)"),
            Map.entry("171.301", "Manner (171.301)"),
            Map.entry("171.302", "Fees (171.302)"),
            Map.entry("171.303", "Licensing (171.303)"),
            Map.entry("171.403", "TEFCA manner (171.403)"));

    private static final Map<String, String> OUTCOMES = Map.of(
            "upheld", "Upheld",
            "not_upheld", "Not upheld",
            "resolved_informally", "Resolved informally",
            "referred", "Referred to another body",
            "withdrawn", "Withdrawn",
            "pending", "No outcome yet");

    private static final Map<String, String> FIGURES = Map.of(
            "received", "Requests received",
            "denied", "Denials and limitations",
            "fulfilled", "Requests fulfilled",
            "documented", "Denials with a signed analysis and a letter sent",
            "undocumented", "Denials missing a signed analysis or a sent letter",
            "on_time", "Clocks met on time",
            "late", "Clocks late",
            "open", "Clocks still running");

    private DashboardLabels() {
    }

    static String channel(String code) {
        try {
            return Channel.valueOf(code).label();
        } catch (IllegalArgumentException e) {
            return code;
        }
    }

    static String requesterType(String code) {
        try {
            return RequesterType.valueOf(code).label();
        } catch (IllegalArgumentException e) {
            return code;
        }
    }

    /** The Denial Reason Matrix's legal paths; {@code unrecorded}: no signed decision names one. */
    static String basis(String code) {
        if ("unrecorded".equals(code)) {
            return "Not recorded (no signed decision names a basis)";
        }
        return DenialReasonMatrix.LEGAL_PATHS.stream().filter(p -> p.wire().equals(code))
                .map(DenialReasonMatrix.LegalPath::label).findFirst().orElse(code);
    }

    static String exception(String code) {
        return EXCEPTIONS.getOrDefault(code, code);
    }

    static String clock(String code) {
        return CLOCKS.getOrDefault(code, code);
    }

    static String outcome(String code) {
        return OUTCOMES.getOrDefault(code, code);
    }

    static String figure(String code) {
        return FIGURES.getOrDefault(code, code);
    }
}
