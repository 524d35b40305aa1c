package org.ehiaccess.ui.web;

import java.util.Locale;
import java.util.Map;

/**
 * Turns the intake API's field messages ("must not be blank", "must be on or after recordsFrom") into
 * sentences beside a labelled input ("Enter ...", "Records to must be on or after records from").
 */
public final class FieldMessages {

    private FieldMessages() {
    }

    /**
     * @param labels every field of the form with its label (to name other fields in the message)
     * @param required the message for a missing value, or null for "{label} is required"
     */
    public static String sentence(String field, String apiMessage, Map<String, String> labels, String required) {
        String label = labels.getOrDefault(field, field);
        String message = apiMessage == null ? "" : apiMessage.strip();
        if (message.isEmpty() || message.equals("must not be null") || message.equals("must not be blank")
                || message.equals("must not be empty")) {
            return required != null ? required : label + " is required";
        }
        if (message.startsWith("must be one of")) {
            return "Choose one of the options for " + label.toLowerCase(Locale.US);
        }
        for (Map.Entry<String, String> other : labels.entrySet()) {
            if (other.getKey().chars().noneMatch(Character::isUpperCase)) {
                // only field names like "recordsFrom" are names; "after" or "note" are words too
                continue;
            }
            message = message.replaceAll("\\b" + other.getKey() + "\\b", other.getValue().toLowerCase(Locale.US));
        }
        if (message.startsWith("must ") || message.startsWith("is ") || message.startsWith("size ")
                || message.startsWith("includes ") || message.startsWith("only ")) {
            return label + " " + message;
        }
        return Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }
}
