package org.okrpm.kit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Query parameters of the usual types: converted, or a 400 naming the parameter (never JAX-RS's 404). */
class QueryParamConvertersTest {

    enum Phase { PLANNING, EXECUTION }

    /** Only the parameter annotations matter: the converters read the name from {@code @QueryParam}. */
    @SuppressWarnings("unused")
    static void endpoint(@QueryParam("cycleId") UUID cycleId, @QueryParam("size") int size,
                         @QueryParam("offset") Long offset, @QueryParam("from") LocalDate from,
                         @QueryParam("since") Instant since, @QueryParam("phase") Phase phase,
                         @PathParam("id") UUID id, @QueryParam("title") String title, UUID unannotated) {
    }

    @SuppressWarnings("unused")
    static void flagged(@QueryParam("current") Boolean current) {
    }

    @Test
    void booleanIsTrueOrFalseAndNothingElse() throws NoSuchMethodException {
        Annotation[] annotations = QueryParamConvertersTest.class.getDeclaredMethod("flagged", Boolean.class)
                .getParameterAnnotations()[0];
        ParamConverter<Boolean> converter = converters.getConverter(Boolean.class, Boolean.class, annotations);

        assertEquals(true, converter.fromString("true"));
        assertEquals(true, converter.fromString("TRUE"));
        assertEquals(false, converter.fromString("false"));
        assertNull(converter.fromString(""));
        for (String bad : new String[] {"yes", "1", "on", "truthy"}) {
            InvalidQueryParameterException e = rejected(converter, bad);
            assertEquals("current", e.parameter());
            assertEquals("must be true or false", e.problem());
        }
    }

    private final QueryParamConverters converters = new QueryParamConverters();

    private static Annotation[] annotationsOf(int parameter) {
        try {
            Method method = QueryParamConvertersTest.class.getDeclaredMethod("endpoint", UUID.class, int.class,
                    Long.class, LocalDate.class, Instant.class, Phase.class, UUID.class, String.class, UUID.class);
            return method.getParameterAnnotations()[parameter];
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> ParamConverter<T> converter(Class<T> type, int parameter) {
        return converters.getConverter(type, type, annotationsOf(parameter));
    }

    private static InvalidQueryParameterException rejected(ParamConverter<?> converter, String value) {
        return assertThrows(InvalidQueryParameterException.class, () -> converter.fromString(value), value);
    }

    @Test
    void uuid() {
        UUID id = UUID.randomUUID();
        ParamConverter<UUID> converter = converter(UUID.class, 0);

        assertEquals(id, converter.fromString(id.toString()));
        assertEquals(id, converter.fromString("  " + id + " "));
        InvalidQueryParameterException e = rejected(converter, "abc");
        assertEquals("cycleId", e.parameter());
        assertEquals("must be a UUID", e.problem());
        assertEquals(400, e.getResponse().getStatus());
        assertEquals("cycleId must be a UUID", e.getMessage());
    }

    @Test
    void wholeNumbers() {
        ParamConverter<Integer> size = converter(int.class, 1);
        ParamConverter<Integer> boxed = converters.getConverter(Integer.class, Integer.class, annotationsOf(1));
        ParamConverter<Long> offset = converter(Long.class, 2);

        assertEquals(20, size.fromString("20"));
        assertEquals(-3, boxed.fromString("-3"));
        assertEquals(5_000_000_000L, offset.fromString("5000000000"));
        for (String bad : new String[] {"ten", "1.5", "2147483648", "0x10"}) {
            InvalidQueryParameterException e = rejected(size, bad);
            assertEquals("size", e.parameter());
            assertEquals("must be a whole number", e.problem());
        }
        assertEquals("offset", rejected(offset, "9223372036854775808").parameter());
    }

    @Test
    void dates() {
        ParamConverter<LocalDate> from = converter(LocalDate.class, 3);

        assertEquals(LocalDate.of(2026, 2, 28), from.fromString("2026-02-28"));
        for (String bad : new String[] {"2026-02-30", "28.02.2026", "2026-2-28", "2026-02-28T00:00:00Z",
                                        "+999999999-12-31", "1899-12-31"}) {
            InvalidQueryParameterException e = rejected(from, bad);
            assertEquals("from", e.parameter());
            assertEquals("must be a date YYYY-MM-DD from 1900-01-01 to 9999-12-31", e.problem());
        }
    }

    @Test
    void instants() {
        ParamConverter<Instant> since = converter(Instant.class, 4);

        assertEquals(Instant.parse("2026-11-29T19:00:00Z"), since.fromString("2026-11-29T19:00:00Z"));
        InvalidQueryParameterException e = rejected(since, "2026-11-29");
        assertEquals("since", e.parameter());
        assertEquals("must be an ISO-8601 instant", e.problem());
    }

    @Test
    void enumsByExactConstantName() {
        ParamConverter<Phase> phase = converter(Phase.class, 5);

        assertEquals(Phase.EXECUTION, phase.fromString("EXECUTION"));
        for (String bad : new String[] {"DONE", "execution"}) {
            InvalidQueryParameterException e = rejected(phase, bad);
            assertEquals("phase", e.parameter());
            assertEquals("must be one of [PLANNING, EXECUTION]", e.problem());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void anEmptyValueIsNoValue(String empty) {
        assertNull(converter(UUID.class, 0).fromString(empty));
        assertNull(converter(int.class, 1).fromString(empty));
        assertNull(converter(Phase.class, 5).fromString(empty));
    }

    @Test
    void aMissingValueIsNoValue() {
        assertNull(converter(LocalDate.class, 3).fromString(null));
    }

    @Test
    void valuesAreWrittenBackAsText() {
        UUID id = UUID.randomUUID();

        assertEquals(id.toString(), converter(UUID.class, 0).toString(id));
        assertEquals("EXECUTION", converter(Phase.class, 5).toString(Phase.EXECUTION));
        assertNull(converter(Phase.class, 5).toString(null));
    }

    @Test
    void pathParametersAndOtherParametersKeepTheJaxRsBehaviour() {
        assertNull(converter(UUID.class, 6), "path parameter");
        assertNull(converter(UUID.class, 8), "no annotation");
        assertNull(converters.getConverter(UUID.class, UUID.class, null), "no annotations at all");
    }

    @Test
    void otherTypesAreLeftToJaxRs() {
        assertNull(converter(String.class, 7));
        assertNotNull(converter(UUID.class, 0));
    }
}
