package org.ehiaccess.decision.matrix;

import java.util.List;

/**
 * One row of the Denial Reason Matrix: a common situation, the legal path it takes, the citation, the catalog values
 * that match it in a worksheet, and the letter it leads to.
 *
 * @param key          stable id of the row within the clinic's matrix ({@code [a-z0-9_-]})
 * @param situation    the situation in the clinic's words
 * @param legalPath    see {@link LegalPath}
 * @param citation     the CFR paragraphs the path rests on
 * @param exceptionId  the Part 171 exception section (e.g. "171.201"), or null
 * @param claimedBasis the catalog's {@code practice.claimed_basis} value that matches, or null for any
 * @param practiceType the catalog's {@code practice.type} value that matches, or null for any
 * @param motives      the catalog's {@code practice.motive} values that match (empty for any)
 * @param letterKind   the letter this situation leads to, or null (no letter: fulfil)
 * @param guidance     what to do, in plain words
 * @param mark         V, S or U when the path rests on wording of that verification mark (see catalog.yaml), or null
 */
public record DenialReason(String key, String situation, String legalPath, String citation, String exceptionId,
        String claimedBasis, String practiceType, List<String> motives, String letterKind, String guidance,
        String mark) {

    public DenialReason {
        motives = motives == null ? List.of() : List.copyOf(motives);
    }
}
