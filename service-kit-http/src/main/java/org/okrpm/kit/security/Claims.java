package org.okrpm.kit.security;

/** The JWT claims beyond {@code sub} and {@code groups} that the services read (see {@link Caller}). */
public final class Claims {

    /** The ids of the teams the caller belongs to: a list of strings. */
    public static final String TEAMS = "teams";
    /** The ids of the projects an API key is bound to: a list of strings, absent when it is not bound. */
    public static final String PROJECTS = "projects";

    private Claims() {
    }
}
