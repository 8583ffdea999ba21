package org.okrpm.e2e.fuzz;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The fuzz pass's judges fail what they must and pass a clean answer: else a silent pass would prove nothing. */
class OraclesTest {

    private static final String PROBLEM = "application/problem+json";

    private static FuzzHttp.Answer answer(int status, String type, String body) {
        return new FuzzHttp.Answer(status, type, body, null);
    }

    @Test
    void aCleanProblemPasses() {
        assertThat(Oracles.check(answer(400, PROBLEM, "{\"type\":\"https://okrpm.org/problems/validation\","
                + "\"title\":\"Invalid request\",\"status\":400,\"detail\":\"budget.amount must be a finite number\","
                + "\"errors\":[{\"field\":\"budget.amount\",\"message\":\"must be finite\"}]}")).isEmpty(), is(true));
    }

    @Test
    void serverErrorsMissingAnswersAndBodiesThatAreNoProblemFail() {
        assertThat(Oracles.check(answer(500, PROBLEM, "{\"status\":500}")).isPresent(), is(true));
        assertThat(Oracles.check(answer(503, PROBLEM, "{\"status\":503}")).isPresent(), is(true));
        assertThat(Oracles.check(new FuzzHttp.Answer(-1, "", "", "connection reset")).isPresent(), is(true));
        assertThat(Oracles.check(answer(413, "", "")).isPresent(), is(true));
        assertThat(Oracles.check(answer(400, "text/html", "<html>Bad Request</html>")).isPresent(), is(true));
        assertThat(Oracles.check(answer(400, PROBLEM, "{\"status\":404}")).isPresent(), is(true));
    }

    @Test
    void internalsInAProblemFail() {
        for (String detail : new String[] {
            "Cannot deserialize value of type `java.time.LocalDate` from String",
            "at org.okrpm.okr.cycle.CycleService.create(CycleService.java:42)",
            "could not execute statement; SQL [n/a]; constraint [uk_cycle_name]",
            "org.hibernate.exception.ConstraintViolationException",
            "Document nesting depth (1001) exceeds the maximum allowed (`StreamReadConstraints.getMaxNestingDepth()`)",
            "Unrecognized token 'NaN': was expecting (JSON String, Number, Array, Object or token 'null')"
                + " at [Source: REDACTED; line: 1] com.fasterxml.jackson.core.JsonParseException"}) {
            assertThat(detail, Oracles.check(answer(400, PROBLEM, "{\"status\":400,\"detail\":\"" + detail
                    .replace("\"", "'") + "\"}")).isPresent(), is(true));
        }
    }

    @Test
    void theInputRulesRefuseWhatDocsInputLimitsRefuse() {
        UnaryOperator<JsonNode> resolve = UnaryOperator.identity();
        JsonNode text = Fixtures.read("{\"type\":\"string\",\"maxLength\":10}");
        JsonNode amount = Fixtures.read("{\"type\":\"number\",\"multipleOf\":0.0001}");
        JsonNode date = Fixtures.read("{\"type\":\"string\",\"format\":\"date\"}");
        assertThat(InputRules.refuses("\"a\\u0000b\"", text, resolve), is(true));
        assertThat(InputRules.refuses("12", text, resolve), is(true));
        assertThat(InputRules.refuses("\"" + "x".repeat(11) + "\"", text, resolve), is(true));
        assertThat(InputRules.refuses("\"2026-02-30\"", text, resolve), is(false));
        assertThat(InputRules.refuses("\"2026-02-30\"", date, resolve), is(true));
        assertThat(InputRules.refuses("1e15", amount, resolve), is(true));
        assertThat(InputRules.refuses("0.00001", amount, resolve), is(true));
        assertThat(InputRules.refuses("12345", amount, resolve), is(false));
        assertThat(InputRules.refuses("null", amount, resolve), is(false));
        JsonNode size = Fixtures.read("{\"type\":\"integer\",\"format\":\"int32\",\"minimum\":1,\"maximum\":200}");
        JsonNode page = Fixtures.read("{\"type\":\"integer\",\"format\":\"int32\",\"minimum\":0}");
        assertThat(InputRules.refusesQuery("1000000000000", size), is(true));
        assertThat(InputRules.refusesQuery("-1", size), is(true));
        assertThat(InputRules.refusesQuery("2147483647", page), is(false));
        assertThat(InputRules.refusesQuery("2147483648", page), is(true));
    }
}
