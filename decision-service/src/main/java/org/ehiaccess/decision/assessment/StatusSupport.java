package org.ehiaccess.decision.assessment;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.ehiaccess.decision.letter.Letter;
import org.ehiaccess.decision.letter.LetterKind;

/**
 * Whether the request's signed decision supports closing it as {@code denied} or {@code partially_fulfilled}: the one
 * home of that rule; intake-service asks it before it accepts such a status. A denial must rest on a basis the
 * decision found (164.524(a)(1)-(3), (d)(2)(i); 171.103): the verdict is {@code covered} or {@code required_by_law},
 * or {@code out_of_scope} with a HIPAA denial ground recorded ({@code hipaa.denial_ground}). The decision is the
 * latest signed version; an unsigned draft supports nothing. {@code denialLetterSent} says whether the written denial
 * (164.524(d)(2)) went out, which is what answers the HIPAA clock for a denial (164.524(b)(2)).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatusSupport(String status, boolean supported, UUID assessmentId, Integer assessmentVersion,
        String verdict, String reason, boolean denialLetterSent) {

    /** The statuses that need a supporting decision. */
    public static final Set<String> STATUSES = Set.of("denied", "partially_fulfilled");

    static final Set<String> SUPPORTING_VERDICTS = Set.of("covered", "required_by_law");

    public static StatusSupport of(UUID requestId, String status, ObjectMapper json) {
        List<Assessment> signed = Assessment.ofRequest(requestId).stream().filter(Assessment::signed).toList();
        boolean letterSent = Letter.count("requestId = ?1 and kind in ?2 and sentAt is not null", requestId,
                List.of(LetterKind.denial.name(), LetterKind.partial_fulfilment.name())) > 0;
        if (signed.isEmpty()) {
            return new StatusSupport(status, false, null, null, null, "This request has no signed decision. A request"
                    + " is " + status + " only on a signed decision that supports it: complete and sign the"
                    + " worksheet first.", letterSent);
        }
        Assessment latest = signed.get(signed.size() - 1);
        DecisionRecord decision = DecisionRecord.of(latest, json);
        String verdict = latest.verdict;
        String version = "The signed decision (version " + latest.versionNumber + ")";
        String reason;
        boolean supported;
        if (SUPPORTING_VERDICTS.contains(verdict)) {
            supported = true;
            reason = version + " is " + verdict.replace('_', ' ') + ", which supports withholding.";
        } else if ("out_of_scope".equals(verdict)) {
            supported = decision.hipaaDenialGround() != null;
            reason = supported
                    ? version + " is out of scope with the HIPAA ground " + decision.hipaaDenialGround() + "."
                    : version + " is out of scope but records no HIPAA denial ground (hipaa.denial_ground): record"
                            + " the ground in a new version and sign it.";
        } else if ("not_covered".equals(verdict)) {
            supported = false;
            reason = version + " says no exception covers this practice, so it cannot support a denial: fulfill"
                    + " the request, or record the facts that support a basis in a new version and sign it.";
        } else {
            supported = false;
            reason = version + " needs more facts (" + verdict + "): a denial must state its basis"
                    + " (164.524(d)(2)(i)); complete the facts in a new version and sign it.";
        }
        return new StatusSupport(status, supported, latest.id, latest.versionNumber, verdict, reason, letterSent);
    }
}
