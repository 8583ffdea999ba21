package org.okrpm.kit.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/**
 * A request body value of the right JSON type that the kit's rules refuse (a number out of bounds, text with a
 * control character, a date out of range). Jackson adds the field's path on the way out, and the problem mapper
 * answers 400 naming the field with {@link #reason()}, which is written here, never taken from the input.
 */
public class RefusedValueException extends InvalidFormatException {

    private final String reason;

    public RefusedValueException(JsonParser parser, String reason, Class<?> targetType) {
        // the value itself stays out of the message: it may be 400 digits, or hold the control character
        super(parser, reason, null, targetType);
        this.reason = reason;
    }

    /** Why the value was refused, as the problem's field message: "must be …". */
    public String reason() {
        return reason;
    }
}
