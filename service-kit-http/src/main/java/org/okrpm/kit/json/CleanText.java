package org.okrpm.kit.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;

/**
 * Every text in a request body is a JSON string (never a number or boolean turned into one) without control
 * characters other than newline and tab, and without lone surrogates: PostgreSQL refuses NUL in text (a 500
 * after the fact), and the others are invisible in every client that shows the text.
 */
final class CleanText extends StdScalarDeserializer<String> {

    static final String REASON = "must not contain control characters (newline and tab are allowed)";

    CleanText() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (!p.hasToken(JsonToken.VALUE_STRING)) {
            return (String) ctxt.handleUnexpectedToken(String.class, p);
        }
        String text = p.getText();
        if (!clean(text)) {
            throw new RefusedValueException(p, REASON, String.class);
        }
        return text;
    }

    static boolean clean(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\t') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
