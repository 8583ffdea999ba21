package org.okrpm.kit.testing;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.response.ValidatableResponse;

/** The problem+json contract of docs/api.md, checked the same way in every service's tests. */
public final class ProblemAssertions {

    private static final String[] LEAKS = {"Exception", "org.", "java.", "com.fasterxml", "SQL", "select ", "\tat "};

    private ProblemAssertions() {
    }

    /** The RFC 9457 shape with this status, and nothing in it that betrays the implementation. */
    public static ValidatableResponse assertProblem(ValidatableResponse response, int status) {
        response.statusCode(status)
                .contentType("application/problem+json")
                .body("type", startsWith("https://okrpm.org/problems/"))
                .body("title", notNullValue())
                .body("status", is(status))
                .body("detail", notNullValue())
                .body("instance", startsWith("/api/v1/"));
        String body = response.extract().asString();
        for (String leak : LEAKS) {
            assertThat("problem body leaks '" + leak + "': " + body, body, not(containsString(leak)));
        }
        return response;
    }
}
