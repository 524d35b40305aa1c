package org.ehiaccess.ui.worksheet;

import org.ehiaccess.ui.client.decision.DecisionCatalog;

/**
 * The catalog's values in a clinic's words. The catalog names values for machines
 * ({@code individualized_determination}); people read "A licensed clinician's individualized determination". A value
 * not listed is shown with its underscores as spaces. The words are decision-service's, served with its catalog.
 */
public final class Labels {

    /** decision-service's words, from the catalog it serves; none until the catalog was read once. */
    private static volatile DecisionCatalog.Labels words = DecisionCatalog.Labels.NONE;

    private Labels() {
    }

    /** Takes the words decision-service serves with its catalog (called whenever the catalog is read afresh). */
    public static void use(DecisionCatalog.Labels labels) {
        if (labels != null) {
            words = labels;
        }
    }

    /** The words for a value of a fact. */
    public static String value(String factId, String value) {
        if (value == null) {
            return "";
        }
        String specific = words.byFact().get(factId + "=" + value);
        if (specific != null) {
            return specific;
        }
        String label = words.values().get(value);
        return label != null ? label : value.replace('_', ' ');
    }

    /** The words for a value of any fact. */
    public static String value(String value) {
        return value(null, value);
    }

    /** The verdict in the clinic's words. Never a label of the practice: not_covered is "no exception covers it". */
    public static String verdict(String verdict) {
        if (verdict == null) {
            return "No verdict yet";
        }
        return words.verdicts().getOrDefault(verdict, verdict.replace('_', ' '));
    }

    /** What a duty with a due date is. */
    public static String obligation(String id) {
        if (id == null) {
            return "";
        }
        return words.obligations().getOrDefault(id, id.replace('_', ' '));
    }

    public static String obligationStatus(String status) {
        if (status == null) {
            return "";
        }
        return words.obligationStatus().getOrDefault(status, status);
    }

    public static String hipaaStatus(String status) {
        if (status == null) {
            return "";
        }
        return words.hipaaStatus().getOrDefault(status, status.replace('_', ' '));
    }
}
