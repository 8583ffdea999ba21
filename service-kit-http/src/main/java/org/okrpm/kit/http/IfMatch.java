package org.okrpm.kit.http;

import org.okrpm.kit.problem.ProblemException;
import org.okrpm.kit.problem.ProblemType;

/**
 * Optimistic concurrency for PATCH and DELETE. Hibernate does not compare a client's version with a
 * managed entity's (quarkusio/quarkus#7193), so the resource compares {@code If-Match} itself.
 */
public final class IfMatch {

    private IfMatch() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** No header, {@code *} or a list containing the current version passes; anything else is 412. */
    public static void check(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return;
        }
        String current = etag(currentVersion);
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(current)) {
                return;
            }
        }
        throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                "If-Match " + ifMatch.trim() + " does not match the current version " + current);
    }
}
