package org.okrpm.checkin.checkin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.okrpm.kit.problem.ProblemException;

/**
 * The {@code since} filter of {@code GET /check-ins}: an instant ({@code 2026-11-25T10:15:30Z}, any offset)
 * or a date ({@code 2026-11-25}, meaning the start of that day in UTC). Inclusive.
 */
final class Since {

    private Since() {
    }

    /** The instant, null when absent, or a 400 naming the parameter. */
    static Instant parse(String since) {
        if (since == null || since.isBlank()) {
            return null;
        }
        String value = since.trim();
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("since",
                    "must be a date (2026-11-25) or an instant (2026-11-25T10:15:30Z)");
        }
    }
}
