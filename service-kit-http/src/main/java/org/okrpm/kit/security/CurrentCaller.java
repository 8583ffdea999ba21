package org.okrpm.kit.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The {@link Caller} of the request being served, read from its verified JWT, so no service parses claims itself. */
@ApplicationScoped
public class CurrentCaller {

    @Inject
    SecurityIdentity identity;

    /** The caller; anonymous requests get a caller without subject, roles, teams or projects. */
    public Caller get() {
        if (identity.isAnonymous()) {
            return new Caller(null, Set.of(), Set.of(), Set.of());
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            String subject = jwt.getSubject() != null ? jwt.getSubject() : jwt.getName();
            return new Caller(subject, identity.getRoles(), strings(jwt.getClaim(Claims.TEAMS)),
                    strings(jwt.getClaim(Claims.PROJECTS)));
        }
        return new Caller(identity.getPrincipal().getName(), identity.getRoles(), Set.of(), Set.of());
    }

    /** A claim holding a list of strings (or one string); anything else counts as none. */
    static Set<String> strings(Object claim) {
        Set<String> values = new LinkedHashSet<>();
        if (claim instanceof Collection<?> collection) { // a JsonArray is a Collection of JsonValue too
            for (Object value : collection) {
                String text = text(value);
                if (text != null && !text.isBlank()) {
                    values.add(text);
                }
            }
        } else {
            String text = text(claim);
            if (text != null && !text.isBlank()) {
                values.add(text);
            }
        }
        return values;
    }

    private static String text(Object value) {
        if (value instanceof JsonString json) {
            return json.getString();
        }
        return value instanceof String string ? string : null;
    }
}
