package org.okrpm.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What a TASKS key result must show after {@code done} of its {@code counted} tasks (weight 1 each) are DONE,
 * exactly as okr-service computes it: progress = done ÷ counted rounded to 4 decimals (half up), currentValue =
 * start + (target − start) × done ÷ counted, multiplied before dividing, exact to 4 decimals. Compared exactly.
 */
record ProgressMath(double progress, BigDecimal currentValue) {

    static ProgressMath of(int done, int counted) {
        if (counted == 0) {
            return new ProgressMath(0.0, Fixture.START_VALUE);
        }
        BigDecimal d = BigDecimal.valueOf(done);
        BigDecimal n = BigDecimal.valueOf(counted);
        BigDecimal span = Fixture.TARGET_VALUE.subtract(Fixture.START_VALUE);
        return new ProgressMath(d.divide(n, 4, RoundingMode.HALF_UP).doubleValue(),
                Fixture.START_VALUE.add(span.multiply(d).divide(n, 4, RoundingMode.HALF_UP)));
    }

    /** A key result as the API or the stream shows it (its {@code progress} and {@code currentValue}). */
    boolean matches(JsonNode keyResult) {
        return matches(keyResult.get("progress").asDouble(), new BigDecimal(keyResult.get("currentValue").asText()));
    }

    boolean matches(Double shownProgress, BigDecimal shownValue) {
        return shownProgress != null && shownValue != null && shownProgress == progress
                && shownValue.compareTo(currentValue) == 0;
    }
}
