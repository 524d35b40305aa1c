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

    public RefusedValueException(JsonParser parser, Class<?> targetType, String fieldMessage) {
        super(parser, fieldMessage, targetType);
        this.fieldMessage = fieldMessage;
    }

    public String fieldMessage() {
        return fieldMessage;
    }
}
