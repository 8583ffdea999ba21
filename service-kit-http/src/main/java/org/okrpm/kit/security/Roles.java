package org.okrpm.kit.security;

/** The roles of docs/api.md, carried in the JWT {@code groups} claim. */
public final class Roles {

    /** Everything. */
    public static final String ADMIN = "admin";
    /** Creates and changes OKRs, projects, tasks and check-ins. */
    public static final String MEMBER = "member";
    /** Reads only. */
    public static final String VIEWER = "viewer";
    /** External PM tools: only integrations and tasks. */
    public static final String INTEGRATOR = "integrator";

    private Roles() {
    }
}
