package org.ehiaccess.decision.matrix;

import java.util.Arrays;
import java.util.List;

/**
 * The boxes of the Denial Reason Matrix (under Part 171, not HIPAA's three boxes): a HIPAA-permitted denial is not a
 * safe harbour of its own under Part 171; each HIPAA ground routes to 171.202(d) (unreviewable (a)(2) grounds) or
 * to 171.201 (reviewable (a)(3) grounds).
 */
public enum LegalPath {
    /** Not EHI (171.102), e.g. psychotherapy notes or litigation material, or no records held. */
    out_of_scope,
    /** A specific mandatory law requires the practice (171.103(a)(1)). */
    required_by_law,
    /** An unreviewable HIPAA ground, 164.524(a)(2), routed to 171.202(d). */
    hipaa_unreviewable,
    /** One of the exceptions of Part 171 (named by exceptionId). */
    part171_exception,
    /** A reviewable HIPAA ground, 164.524(a)(3), routed to 171.201 (Preventing Harm) in full. */
    hipaa_reviewable_preventing_harm,
    /** No exception covers the practice: fulfil the request. */
    no_basis_fulfil;

    public static List<String> names() {
        return Arrays.stream(values()).map(Enum::name).toList();
    }
}
