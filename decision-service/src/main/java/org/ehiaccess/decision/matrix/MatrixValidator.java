package org.ehiaccess.decision.matrix;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.ehiaccess.decision.letter.LetterKind;
import org.ehiaccess.decision.rules.Ruleset;
import org.ehiaccess.platform.problem.Problem.FieldError;

/**
 * Checks a Denial Reason Matrix against the rule catalog: every legal path, exception, claimed basis, practice type,
 * motive and letter kind must exist, and each legal path must name the exception it routes to (164.524
 * against Part 171: reviewable HIPAA grounds -> 171.201, unreviewable (a)(2) grounds -> 171.202(d)). Every bad field is
 * named, e.g. {@code rows[3].legalPath}.
 */
public final class MatrixValidator {

    static final int MAX_ROWS = 200;
    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9_-]{0,59}");
    private static final Set<String> MARKS = Set.of("V", "S", "U");

    private final Ruleset ruleset;

    public MatrixValidator(Ruleset ruleset) {
        this.ruleset = ruleset;
    }

    public List<FieldError> validate(List<DenialReason> rows) {
        List<FieldError> errors = new ArrayList<>();
        if (rows == null) {
            errors.add(new FieldError("rows", "is required (a list of rows)"));
            return errors;
        }
        if (rows.size() > MAX_ROWS) {
            errors.add(new FieldError("rows", "must have at most " + MAX_ROWS + " rows"));
        }
        Map<String, Integer> keys = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            String at = "rows[" + i + "].";
            DenialReason row = rows.get(i);
            if (row == null) {
                errors.add(new FieldError("rows[" + i + "]", "must be a row, not null"));
                continue;
            }
            if (blank(row.key())) {
                errors.add(new FieldError(at + "key", "is required"));
            } else if (!KEY.matcher(row.key()).matches()) {
                errors.add(new FieldError(at + "key", "must be 1-60 lower-case letters, digits, '_' or '-'"));
            } else if (keys.containsKey(row.key())) {
                errors.add(new FieldError(at + "key", "duplicates the key of rows[" + keys.get(row.key()) + "]"));
            } else {
                keys.put(row.key(), i);
            }
            if (blank(row.situation())) {
                errors.add(new FieldError(at + "situation", "must not be blank"));
            } else if (row.situation().length() > 500) {
                errors.add(new FieldError(at + "situation", "must be at most 500 characters"));
            }
            if (blank(row.citation())) {
                errors.add(new FieldError(at + "citation", "must name the CFR paragraphs the path rests on"));
            } else if (row.citation().length() > 300) {
                errors.add(new FieldError(at + "citation", "must be at most 300 characters"));
            }
            if (row.guidance() != null && row.guidance().length() > 2000) {
                errors.add(new FieldError(at + "guidance", "must be at most 2000 characters"));
            }
            LegalPath path = legalPath(row.legalPath());
            if (path == null) {
                errors.add(new FieldError(at + "legalPath", "must be one of " + LegalPath.names()));
            }
            exception(at, row, path, errors);
            catalogValue(at + "claimedBasis", "practice.claimed_basis", row.claimedBasis(), errors);
            catalogValue(at + "practiceType", "practice.type", row.practiceType(), errors);
            for (int m = 0; m < row.motives().size(); m++) {
                String motive = row.motives().get(m);
                if (motive == null) {
                    errors.add(new FieldError(at + "motives[" + m + "]", "must not be null"));
                } else {
                    catalogValue(at + "motives[" + m + "]", "practice.motive", motive, errors);
                }
            }
            if (row.letterKind() != null && LetterKind.parse(row.letterKind()).isEmpty()) {
                errors.add(new FieldError(at + "letterKind", "must be one of " + LetterKind.names() + " or null"));
            } else if (row.letterKind() != null && path == LegalPath.no_basis_fulfil) {
                errors.add(new FieldError(at + "letterKind",
                        "must be null when there is no basis: the request is fulfilled, nothing is denied"));
            }
            if (row.mark() != null && !MARKS.contains(row.mark())) {
                errors.add(new FieldError(at + "mark", "must be V, S, U or null"));
            }
        }
        return errors;
    }

    /** Each legal path routes to its own exception, or to none. */
    private void exception(String at, DenialReason row, LegalPath path, List<FieldError> errors) {
        String field = at + "exceptionId";
        String id = row.exceptionId();
        if (id != null && !ruleset.exceptions().containsKey(id)) {
            errors.add(new FieldError(field, "must be one of " + ruleset.exceptions().keySet() + " or null"));
            return;
        }
        if (path == null) {
            return;
        }
        switch (path) {
            case part171_exception -> {
                if (id == null) {
                    errors.add(new FieldError(field, "must name the Part 171 exception, e.g. 171.204"));
                }
            }
            case hipaa_reviewable_preventing_harm -> {
                if (!"171.201".equals(id)) {
                    errors.add(new FieldError(field, "must be 171.201: a reviewable HIPAA ground (164.524(a)(3)) is"
                            + " covered under Part 171 only by Preventing Harm in full"));
                }
            }
            case hipaa_unreviewable -> {
                if (!"171.202".equals(id)) {
                    errors.add(new FieldError(field, "must be 171.202: an unreviewable HIPAA ground (164.524(a)(2))"
                            + " routes to 171.202(d)"));
                }
            }
            default -> {
                if (id != null) {
                    errors.add(new FieldError(field, "must be null for " + path + " (no Part 171 exception applies)"));
                }
            }
        }
    }

    private void catalogValue(String field, String factId, String value, List<FieldError> errors) {
        if (value == null) {
            return;
        }
        List<String> allowed = ruleset.fact(factId).values();
        if (!allowed.contains(value)) {
            errors.add(new FieldError(field, "must be a catalog value of " + factId + ": " + allowed));
        }
    }

    static LegalPath legalPath(String text) {
        if (text == null) {
            return null;
        }
        for (LegalPath path : LegalPath.values()) {
            if (path.name().equals(text)) {
                return path;
            }
        }
        return null;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
