package org.okrpm.kit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.okrpm.kit.json.RequestJson;
import org.okrpm.kit.problem.Problem;
import org.okrpm.kit.problem.ProblemException;
import org.okrpm.kit.problem.ProblemType;

/** RFC 7386 merge patch onto a record of writable fields, as {@link MergePatcher} promises it. */
class MergePatcherTest {

    public record Owner(String name, String team) {
    }

    public record Writable(@NotBlank String title, String description, @Min(0) @Max(100) Integer weight,
                           Owner owner, List<String> tags) {
    }

    private final ObjectMapper mapper = new ObjectMapper().findAndRegisterModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private MergePatcher patcher;

    private final Writable current = new Writable("Ship it", "the old text", 40, new Owner("alice", "core"),
            List.of("a", "b"));

    @BeforeEach
    void setUp() {
        patcher = new MergePatcher();
        patcher.mapper = mapper;
        patcher.requestJson = new RequestJson(mapper);
        patcher.validator = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory().getValidator();
    }

    private Writable patch(String json) throws Exception {
        return patcher.apply(current, mapper.readTree(json), Writable.class);
    }

    @Test
    void aPresentMemberReplacesAndAbsentMembersKeepTheirValue() throws Exception {
        Writable result = patch("{\"title\": \"Ship it twice\"}");

        assertEquals(new Writable("Ship it twice", "the old text", 40, new Owner("alice", "core"),
                List.of("a", "b")), result);
        assertNotSame(current, result);
    }

    @Test
    void anEmptyPatchChangesNothing() throws Exception {
        assertEquals(current, patch("{}"));
    }

    @Test
    void nullClearsAMember() throws Exception {
        Writable result = patch("{\"description\": null, \"weight\": 7}");

        assertNull(result.description());
        assertEquals(7, result.weight());
        assertEquals("Ship it", result.title());
    }

    @Test
    void aMemberThatIsNullNowCanBeSet() throws Exception {
        Writable blank = new Writable("Ship it", null, null, null, null);

        Writable result = patcher.apply(blank, mapper.readTree("{\"description\": \"new\", \"owner\": {\"name\": \"bob\"}}"),
                Writable.class);

        assertEquals("new", result.description());
        assertEquals(new Owner("bob", null), result.owner());
    }

    @Test
    void aNestedObjectIsMergedMemberByMember() throws Exception {
        Writable result = patch("{\"owner\": {\"team\": \"growth\"}}");

        assertEquals(new Owner("alice", "growth"), result.owner());
    }

    @Test
    void nullInsideANestedObjectClearsOnlyThatMember() throws Exception {
        Writable result = patch("{\"owner\": {\"name\": null}}");

        assertEquals(new Owner(null, "core"), result.owner());
    }

    @Test
    void nullForANestedObjectClearsItWhole() throws Exception {
        assertNull(patch("{\"owner\": null}").owner());
    }

    @Test
    void anArrayIsReplacedWholeNotMerged() throws Exception {
        assertEquals(List.of("c"), patch("{\"tags\": [\"c\"]}").tags());
    }

    @Test
    void aMemberThatIsNotWritableIsAValidationProblemNamingEachOne() {
        ProblemException problem = assertThrows(ProblemException.class,
                () -> patch("{\"title\": \"x\", \"id\": \"123\", \"version\": 3}"));

        assertEquals(ProblemType.VALIDATION, problem.type());
        assertEquals(400, problem.type().status());
        Set<String> fields = problem.errors().stream().map(Problem.FieldError::field).collect(Collectors.toSet());
        assertEquals(Set.of("id", "version"), fields);
        problem.errors().forEach(error -> assertEquals("is not a writable field", error.message()));
    }

    @Test
    void aPatchThatIsNotAnObjectIsAValidationProblemOnTheBody() {
        for (String json : List.of("[{\"title\": \"x\"}]", "\"title\"", "42", "null")) {
            ProblemException problem = assertThrows(ProblemException.class, () -> patch(json), json);

            assertEquals(ProblemType.VALIDATION, problem.type(), json);
            assertEquals(List.of(new Problem.FieldError("body", "must be a JSON object")), problem.errors(), json);
        }
    }

    @Test
    void aJavaNullPatchIsRejectedLikeANonObject() {
        ProblemException problem = assertThrows(ProblemException.class,
                () -> patcher.apply(current, (JsonNode) null, Writable.class));

        assertEquals(ProblemType.VALIDATION, problem.type());
    }

    @Test
    void aValueOfTheWrongTypeIsUnreadable() {
        MergePatcher.PatchUnreadableException e = assertThrows(MergePatcher.PatchUnreadableException.class,
                () -> patch("{\"weight\": \"heavy\"}"));

        assertTrue(e.getCause() instanceof com.fasterxml.jackson.core.JsonProcessingException);
    }

    @Test
    void theResultIsValidatedLikeACreateBody() {
        ConstraintViolationException blankTitle = assertThrows(ConstraintViolationException.class,
                () -> patch("{\"title\": null}"));
        assertEquals(Set.of("title"), blankTitle.getConstraintViolations().stream()
                .map(v -> v.getPropertyPath().toString()).collect(Collectors.toSet()));

        ConstraintViolationException tooHeavy = assertThrows(ConstraintViolationException.class,
                () -> patch("{\"weight\": 101}"));
        assertEquals(Set.of("weight"), tooHeavy.getConstraintViolations().stream()
                .map(v -> v.getPropertyPath().toString()).collect(Collectors.toSet()));
    }

    @Test
    void theCurrentValueIsNotModified() throws Exception {
        patch("{\"title\": \"changed\", \"owner\": {\"team\": \"other\"}}");

        assertEquals("Ship it", current.title());
        assertEquals(new Owner("alice", "core"), current.owner());
    }
}
