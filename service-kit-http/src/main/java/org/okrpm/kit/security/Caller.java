package org.okrpm.kit.security;

import java.util.Set;

/**
 * Who is calling, as its token says: the subject ({@code sub}), its roles ({@code groups}), the teams it belongs to
 * ({@link Claims#TEAMS}) and, for the token an API key bound to projects is exchanged for, those projects
 * ({@link Claims#PROJECTS}; empty for every other caller). Read once per request by {@link CurrentCaller}.
 */
public record Caller(String subject, Set<String> roles, Set<String> teams, Set<String> projects) {

    public Caller {
        roles = Set.copyOf(roles);
        teams = Set.copyOf(teams);
        projects = Set.copyOf(projects);
    }

    public boolean isAdmin() {
        return roles.contains(Roles.ADMIN);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean belongsTo(String teamId) {
        return teamId != null && teams.contains(teamId);
    }

    /** Whether the caller may touch only some projects (an API key bound to them). */
    public boolean isBoundToProjects() {
        return !projects.isEmpty();
    }
}
