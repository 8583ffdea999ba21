package org.okrpm.e2e.fuzz;

import java.util.ArrayList;
import java.util.List;

/** The offending requests of a fuzz pass, each with enough to reproduce it and to find its server log line. */
public final class Findings {

    private static final int EXCERPT = 300;

    /** One offending request. */
    public record Finding(String request, String mutation, int status, String body, String reason) {

        @Override
        public String toString() {
            return request + " [" + mutation + "] -> " + (status < 0 ? "no answer" : status) + ": " + reason
                    + (body.isEmpty() ? "" : "; body " + body);
        }
    }

    private final List<Finding> all = new ArrayList<>();

    void add(FuzzCase fuzzCase, FuzzHttp.Answer answer, String reason) {
        all.add(new Finding(fuzzCase.method() + " " + excerpt(fuzzCase.pathAndQuery()), fuzzCase.mutation(),
                answer.status(), excerpt(answer.body()), reason));
    }

    public List<Finding> all() {
        return List.copyOf(all);
    }

    /** The text cut to a few hundred characters, control characters shown as escapes. */
    static String excerpt(String text) {
        if (text == null) {
            return "(nothing)";
        }
        StringBuilder shown = new StringBuilder();
        text.codePoints().limit(EXCERPT).forEach(c -> shown.append(c < 0x20 || c == 0x7f
                ? String.format("\\u%04x", c) : new String(Character.toChars(c))));
        return text.length() > EXCERPT ? shown + "…(" + text.length() + " chars)" : shown.toString();
    }
}
