package org.okrpm.kit.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * Dates in a request body: a JSON string {@code YYYY-MM-DD} and nothing else (no epoch-day number, no
 * {@code [2026, 10, 1]} array, no date-time cut short, no {@code +999999999-12-31}), a real calendar date
 * ({@code 2026-02-30} is refused), from {@link #MIN} to {@link #MAX}: every database the services run on stores
 * those exactly, and no plan of an OKR or a project is older or further away.
 */
public final class DateRange extends StdScalarDeserializer<LocalDate> {

    public static final LocalDate MIN = LocalDate.of(1900, 1, 1);
    public static final LocalDate MAX = LocalDate.of(9999, 12, 31);
    public static final String REASON = "must be a date YYYY-MM-DD from " + MIN + " to " + MAX;
    private static final Pattern SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    public DateRange() {
        super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (!p.hasToken(JsonToken.VALUE_STRING)) {
            return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
        }
        try {
            return parse(p.getText());
        } catch (DateTimeException e) {
            throw new RefusedValueException(p, REASON, LocalDate.class);
        }
    }

    /** The date {@code text} names, when it is {@code YYYY-MM-DD} of a real day in range; query parameters too. */
    public static LocalDate parse(String text) {
        if (text == null || !SHAPE.matcher(text).matches()) {
            throw new DateTimeException(REASON);
        }
        LocalDate date = LocalDate.parse(text);
        if (date.isBefore(MIN) || date.isAfter(MAX)) {
            throw new DateTimeException(REASON);
        }
        return date;
    }
}
