package org.okrpm.kit.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The one rule for every number in a request body: finite, and less than 10^12 in magnitude
 * ({@link #LIMIT}); a decimal ({@code BigDecimal}: every such column is NUMERIC(19,4)) has at most
 * {@link #MAX_DECIMALS} decimals. JSON numbers only: {@code "12"} is not a number. Without it {@code 1e309} or a
 * 400-digit integer reads as Infinity into a double, and 10^15 overflows NUMERIC(19,4) at the database (a 500).
 * 10^12 leaves three digits of headroom below NUMERIC(19,4)'s 10^15, so sums of a few hundred values still fit.
 */
public final class BoundedNumbers {

    /** Exclusive bound on the magnitude of every number in a request body. */
    public static final BigDecimal LIMIT = BigDecimal.TEN.pow(12);
    public static final int MAX_DECIMALS = 4;

    static final String OUT_OF_BOUNDS = "must be a finite number between -10^12 and 10^12 (exclusive)";
    static final String TOO_PRECISE = "must have at most " + MAX_DECIMALS + " decimals";
    private static final double DOUBLE_LIMIT = LIMIT.doubleValue();

    private BoundedNumbers() {
    }

    static SimpleModule module() {
        SimpleModule module = new SimpleModule("okrpm-bounded-numbers");
        module.addDeserializer(Double.class, new Floating<>(Double.class, false, Double::valueOf));
        module.addDeserializer(double.class, new Floating<>(Double.class, true, Double::valueOf));
        module.addDeserializer(Float.class, new Floating<>(Float.class, false, d -> (float) d));
        module.addDeserializer(float.class, new Floating<>(Float.class, true, d -> (float) d));
        module.addDeserializer(Long.class, new Whole<>(Long.class, false, BigInteger::longValue));
        module.addDeserializer(long.class, new Whole<>(Long.class, true, BigInteger::longValue));
        module.addDeserializer(BigInteger.class, new Whole<>(BigInteger.class, false, b -> b));
        module.addDeserializer(BigDecimal.class, new Decimal());
        return module;
    }

    /** A number token's exact value, or a refusal (Infinity or NaN, possible only as a tree node or literal). */
    static BigDecimal exactValue(JsonParser p, Class<?> target) throws IOException {
        JsonParser.NumberType type = p.getNumberType();
        if (type == JsonParser.NumberType.DOUBLE || type == JsonParser.NumberType.FLOAT) {
            double value = p.getDoubleValue();
            if (!Double.isFinite(value)) {
                throw new RefusedValueException(p, OUT_OF_BOUNDS, target);
            }
        }
        try {
            return p.getDecimalValue();
        } catch (NumberFormatException e) {
            throw new RefusedValueException(p, OUT_OF_BOUNDS, target);
        }
    }

    static BigDecimal bounded(JsonParser p, DeserializationContext ctxt, Class<?> target) throws IOException {
        if (!p.hasToken(JsonToken.VALUE_NUMBER_INT) && !p.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
            // strings, booleans, arrays, objects: a wrong type, never converted
            return (BigDecimal) ctxt.handleUnexpectedToken(target, p);
        }
        BigDecimal value = exactValue(p, target);
        if (value.abs().compareTo(LIMIT) >= 0) {
            throw new RefusedValueException(p, OUT_OF_BOUNDS, target);
        }
        return value;
    }

    /** null where the Java field is a primitive: refused rather than read as 0. */
    static RefusedValueException nullForPrimitive(DeserializationContext ctxt, Class<?> target) {
        return new RefusedValueException(ctxt.getParser(), "must be a number, not null", target);
    }

    /** Double and float: also refuses values that overflow to Infinity when converted (a 400-digit integer). */
    private static final class Floating<T> extends StdScalarDeserializer<T> {

        interface Convert<T> {
            T of(double value);
        }

        private final boolean primitive;
        private final Convert<T> convert;
        private final Class<T> boxed;

        Floating(Class<T> boxed, boolean primitive, Convert<T> convert) {
            super(boxed);
            this.boxed = boxed;
            this.primitive = primitive;
            this.convert = convert;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_NUMBER_INT) && !p.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
                @SuppressWarnings("unchecked")
                T unexpected = (T) ctxt.handleUnexpectedToken(boxed, p);
                return unexpected;
            }
            double value = p.getDoubleValue();
            if (!Double.isFinite(value) || Math.abs(value) >= DOUBLE_LIMIT) {
                throw new RefusedValueException(p, OUT_OF_BOUNDS, boxed);
            }
            return convert.of(value);
        }

        @Override
        public T getNullValue(DeserializationContext ctxt) throws JsonMappingException {
            if (primitive) {
                throw nullForPrimitive(ctxt, boxed);
            }
            return null;
        }
    }

    /** Long and BigInteger; int and Integer keep Jackson's own range check (2^31 is below the limit). */
    private static final class Whole<T> extends StdScalarDeserializer<T> {

        interface Convert<T> {
            T of(BigInteger value);
        }

        private final boolean primitive;
        private final Convert<T> convert;
        private final Class<T> boxed;

        Whole(Class<T> boxed, boolean primitive, Convert<T> convert) {
            super(boxed);
            this.boxed = boxed;
            this.primitive = primitive;
            this.convert = convert;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_NUMBER_INT)) {
                @SuppressWarnings("unchecked")
                T unexpected = (T) ctxt.handleUnexpectedToken(boxed, p);
                return unexpected;
            }
            return convert.of(bounded(p, ctxt, boxed).toBigIntegerExact());
        }

        @Override
        public T getNullValue(DeserializationContext ctxt) throws JsonMappingException {
            if (primitive) {
                throw nullForPrimitive(ctxt, boxed);
            }
            return null;
        }
    }

    /** BigDecimal: bounded, and at most four decimals (trailing zeros do not count: 1.50000 is 1.5). */
    private static final class Decimal extends StdScalarDeserializer<BigDecimal> {

        Decimal() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            BigDecimal value = bounded(p, ctxt, BigDecimal.class);
            if (value.signum() != 0 && value.stripTrailingZeros().scale() > MAX_DECIMALS) {
                throw new RefusedValueException(p, TOO_PRECISE, BigDecimal.class);
            }
            return value;
        }
    }
}
