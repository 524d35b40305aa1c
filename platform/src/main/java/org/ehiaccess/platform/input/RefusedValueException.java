package org.ehiaccess.platform.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON value that parses but is not accepted (a NUL character, a date out of range). Jackson adds the
 * field's path as it unwinds; {@link #fieldMessage()} says what is wrong without repeating the value,
 * which may be PHI.
 */
public class RefusedValueException extends MismatchedInputException {

    private static final long serialVersionUID = 1L;

    private final String fieldMessage;
    private final String absoluteField;

    public RefusedValueException(JsonParser parser, Class<?> targetType, String fieldMessage) {
        this(parser, targetType, fieldMessage, null);
    }

    /** Refused where the field is known from the document's root (the path Jackson adds is then ignored). */
    public RefusedValueException(JsonParser parser, Class<?> targetType, String fieldMessage, String absoluteField) {
        super(parser, fieldMessage, targetType);
        this.fieldMessage = fieldMessage;
        this.absoluteField = absoluteField;
    }

    /** The field from the document's root, when the refusal was raised with it; otherwise null. */
    public String absoluteField() {
        return absoluteField;
    }

    public String fieldMessage() {
        return fieldMessage;
    }
}
