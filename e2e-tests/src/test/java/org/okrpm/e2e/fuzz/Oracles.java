package org.okrpm.e2e.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every answer to a hostile request must be: no 5xx (the stack is healthy, so not even a 503), an answer at
 * all, and for a 4xx a problem+json body naming its status, without a stack frame, a Java or library class,
 * SQL or the persistence layer's name.
 */
final class Oracles {

    private static final List<Pattern> LEAKS = List.of(
            Pattern.compile("\\bat [a-z][\\w$]*(\\.[\\w$]+)+\\("),
            Pattern.compile("\\b(java|javax|jakarta|sun|org|com|io|net)\\.[a-z]\\w*\\."),
            // no \\w* in front: a 100,000-letter word echoed back would take minutes to scan
            Pattern.compile("Exception|Throwable"),
            Pattern.compile("\\.java:\\d+"),
            Pattern.compile("SQL|Hibernate|JDBC|\\bH2\\b|Jackson|Vert\\.x|RESTEasy|Quarkus|SmallRye"),
            Pattern.compile("(?i)\\bselect\\b.{1,200}\\bfrom\\b|\\binsert into\\b|\\bconstraint \\w+_"),
            Pattern.compile("\\b[A-Z][a-z]+(?:[A-Z][a-z]+)+\\.[a-z]\\w*\\(\\)"));

    private Oracles() {
    }

    /** Why the answer breaks a rule, or empty. */
    static Optional<String> check(FuzzHttp.Answer answer) {
        if (answer.status() < 0) {
            return Optional.of("no answer: " + answer.failure());
        }
        if (answer.status() >= 500) {
            return Optional.of("server error " + answer.status());
        }
        if (answer.status() < 400) {
            return Optional.empty();
        }
        if (!answer.contentType().startsWith("application/problem+json")) {
            return Optional.of("a " + answer.status() + " that is not problem+json (Content-Type '"
                    + answer.contentType() + "')");
        }
        JsonNode problem;
        try {
            problem = Fixtures.read(answer.body());
        } catch (RuntimeException e) {
            return Optional.of("a problem+json body that is not JSON");
        }
        if (problem.path("status").asInt() != answer.status()) {
            return Optional.of("a problem whose status is " + problem.path("status") + ", not " + answer.status());
        }
        return leak(answer.body());
    }

    /** The first thing in {@code body} that looks like an internal detail. */
    static Optional<String> leak(String body) {
        for (Pattern pattern : LEAKS) {
            Matcher matcher = pattern.matcher(body);
            if (matcher.find()) {
                return Optional.of("leaks internals ('" + matcher.group() + "')");
            }
        }
        return Optional.empty();
    }
}
