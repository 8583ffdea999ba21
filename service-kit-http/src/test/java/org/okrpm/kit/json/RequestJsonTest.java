package org.okrpm.kit.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The strict reading of request bodies, on the same kind of mapper Quarkus gives the services. */
class RequestJsonTest {

    public enum Level { TEAM, COMPANY }

    public record Body(String name, Double weight, double ratio, BigDecimal amount, Long count, Integer n,
                       Boolean flag, LocalDate startDate, Level level, List<String> tags) {
    }

    private final ObjectMapper lenient = new ObjectMapper().findAndRegisterModules();
    private final ObjectMapper strict = RequestJson.strict(lenient);

    private Body read(String json) throws JsonProcessingException {
        return strict.readValue(json, Body.class);
    }

    /** The field a refusal names, as the problem mapper writes it. */
    private String refusedField(String json) {
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> read(json), json);
        JsonMappingException mapping = assertInstanceOf(JsonMappingException.class, e, json);
        return mapping.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private String refusalReason(String json) {
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> read(json), json);
        return assertInstanceOf(RefusedValueException.class, e, json).reason();
    }

    @Test
    void aValidBodyReadsAsBefore() throws Exception {
        Body body = read("{\"name\":\"Launch\\nv2\\tnow\",\"weight\":2,\"ratio\":0.5,\"amount\":999999999999.9999,"
                + "\"count\":-999999999999,\"n\":7,\"flag\":true,\"startDate\":\"2026-10-01\",\"level\":\"TEAM\","
                + "\"tags\":[\"a\",\"b\"]}");
        assertEquals("Launch\nv2\tnow", body.name());
        assertEquals(2.0, body.weight());
        assertEquals(new BigDecimal("999999999999.9999"), body.amount());
        assertEquals(LocalDate.of(2026, 10, 1), body.startDate());
        assertEquals(Level.TEAM, body.level());
        assertEquals(new BigDecimal("1.5"), read("{\"amount\":1.50000,\"ratio\":0}").amount().stripTrailingZeros());
    }

    @Test
    void infiniteAndHugeNumbersAreRefusedNamingTheField() {
        assertEquals("weight", refusedField("{\"weight\":1e309,\"ratio\":0}"));
        assertEquals("weight", refusedField("{\"weight\":" + "9".repeat(400) + ",\"ratio\":0}"));
        assertEquals("weight", refusedField("{\"weight\":NaN,\"ratio\":0}"));
        assertEquals("weight", refusedField("{\"weight\":-Infinity,\"ratio\":0}"));
        assertEquals("weight", refusedField("{\"weight\":1e12,\"ratio\":0}"));
        assertEquals("ratio", refusedField("{\"ratio\":1e309}"));
        assertEquals("amount", refusedField("{\"amount\":1e15,\"ratio\":0}"));
        assertEquals("amount", refusedField("{\"amount\":" + "1".repeat(400) + ",\"ratio\":0}"));
        assertEquals("count", refusedField("{\"count\":1000000000000,\"ratio\":0}"));
        assertEquals("n", refusedField("{\"n\":99999999999,\"ratio\":0}"));
        assertEquals(BoundedNumbers.OUT_OF_BOUNDS, refusalReason("{\"amount\":-1e12,\"ratio\":0}"));
    }

    @Test
    void decimalsHaveAtMostFourDecimals() {
        assertEquals(BoundedNumbers.TOO_PRECISE, refusalReason("{\"amount\":1.23456,\"ratio\":0}"));
        assertEquals("amount", refusedField("{\"amount\":1e-400,\"ratio\":0}"));
    }

    @Test
    void scalarsAreNotCoerced() {
        assertEquals("name", refusedField("{\"name\":true,\"ratio\":0}"));
        assertEquals("name", refusedField("{\"name\":12,\"ratio\":0}"));
        assertEquals("weight", refusedField("{\"weight\":\"2\",\"ratio\":0}"));
        assertEquals("n", refusedField("{\"n\":1.5,\"ratio\":0}"));
        assertEquals("flag", refusedField("{\"flag\":1,\"ratio\":0}"));
        assertEquals("flag", refusedField("{\"flag\":\"true\",\"ratio\":0}"));
        assertEquals("level", refusedField("{\"level\":0,\"ratio\":0}"));
        assertEquals("ratio", refusedField("{\"ratio\":null}"));
        assertEquals("tags", refusedField("{\"tags\":\"a\",\"ratio\":0}"));
    }

    @Test
    void datesAreStringsOfRealDatesInRange() {
        assertEquals("startDate", refusedField("{\"startDate\":12345,\"ratio\":0}"));
        assertEquals("startDate", refusedField("{\"startDate\":[2026,10,1],\"ratio\":0}"));
        assertEquals("startDate", refusedField("{\"startDate\":\"2026-10-01T10:00:00Z\",\"ratio\":0}"));
        assertEquals("startDate", refusedField("{\"startDate\":\"+999999999-12-31\",\"ratio\":0}"));
        assertEquals("startDate", refusedField("{\"startDate\":\"1899-12-31\",\"ratio\":0}"));
        assertEquals("startDate", refusedField("{\"startDate\":\"2026-02-30\",\"ratio\":0}"));
        assertEquals(DateRange.REASON, refusalReason("{\"startDate\":\"10000-01-01\",\"ratio\":0}"));
    }

    @Test
    void textHasNoControlCharactersButNewlineAndTab() {
        assertEquals("name", refusedField("{\"name\":\"a\\u0000b\",\"ratio\":0}"));
        assertEquals("name", refusedField("{\"name\":\"a\\rb\",\"ratio\":0}"));
        assertEquals("name", refusedField("{\"name\":\"a\\u009bb\",\"ratio\":0}"));
        assertEquals("name", refusedField("{\"name\":\"lone \\ud800 surrogate\",\"ratio\":0}"));
        assertEquals("tags.[1]", refusedField("{\"tags\":[\"a\",\"\\u0007\"],\"ratio\":0}"));
        assertEquals(CleanText.REASON, refusalReason("{\"name\":\"\\u001b[31m\",\"ratio\":0}"));
    }

    @Test
    void nothingMayFollowTheBodyAndNamesAreNotRepeated() {
        assertThrows(MismatchedInputException.class, () -> read("{\"name\":\"a\",\"ratio\":0} {\"name\":\"b\"}"));
        assertThrows(JsonProcessingException.class, () -> read("{\"name\":\"a\",\"name\":\"b\",\"ratio\":0}"));
    }

    @Test
    void theApplicationMapperStaysLenientForEventsAndStoredData() throws Exception {
        Body body = lenient.readValue("{\"name\":true,\"weight\":1e309,\"ratio\":0}", Body.class);
        assertEquals("true", body.name());
        assertTrue(body.weight().isInfinite());
    }
}
