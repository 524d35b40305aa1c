package org.ehiaccess.ui.client.decision;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The clinic's Denial Reason Matrix: each situation with its legal path (out of scope, required by law, a HIPAA
 * unreviewable ground, a Part 171 exception, a reviewable preventing-harm denial, or no basis: fulfil), citation,
 * exception, the practice type and claimed basis the worksheet starts from, and the letter it leads to.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DenialReasonMatrix(Object version, List<Row> rows, @JsonIgnore String etag) {

    public DenialReasonMatrix {
        rows = rows == null ? List.of() : List.copyOf(rows);
    }

    public DenialReasonMatrix withEtag(String etag) {
        return new DenialReasonMatrix(version, rows, etag);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Row(String key, String situation, String legalPath, String citation, String exceptionId,
            String claimedBasis, String practiceType, String letterKind, String guidance) {

        public String legalPathLabel() {
            return LEGAL_PATHS.stream().filter(p -> p.wire().equals(legalPath)).map(LegalPath::label).findFirst()
                    .orElse(legalPath == null ? "" : legalPath);
        }
    }

    /** The API's rows body for {@code PUT /api/v1/denial-reasons}. */
    public record Rows(List<Row> rows) {
    }

    public record LegalPath(String wire, String label) {
    }

    public static final List<LegalPath> LEGAL_PATHS = List.of(
            new LegalPath("out_of_scope", "Out of scope (not EHI)"),
            new LegalPath("required_by_law", "Required by law"),
            new LegalPath("hipaa_unreviewable", "HIPAA unreviewable ground (171.202(d))"),
            new LegalPath("part171_exception", "Part 171 exception"),
            new LegalPath("hipaa_reviewable_preventing_harm", "Reviewable denial: preventing harm (171.201)"),
            new LegalPath("no_basis_fulfil", "No basis: fulfil the request"));
}
