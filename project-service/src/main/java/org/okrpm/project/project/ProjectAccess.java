package org.okrpm.project.project;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.okrpm.kit.problem.ProblemException;
import org.okrpm.kit.problem.ProblemType;
import org.okrpm.kit.security.Caller;
import org.okrpm.kit.security.CurrentCaller;
import org.okrpm.kit.security.Ownership;
import org.okrpm.kit.security.Roles;

/**
 * Who may change a project and its tasks. A project: an admin, its owner, its creator or a member of its team. Its
 * tasks: the same people, and integrators (PM tools) as before. A caller whose API key is bound to projects (the
 * {@code projects} claim the gateway adds) may change nothing outside them. Changes made by inbound integration
 * events are not a caller's and do not come through here.
 */
@ApplicationScoped
public class ProjectAccess {

    @Inject
    CurrentCaller callers;

    /** 403 unless the caller may change the project itself (PATCH, DELETE, stage). */
    public void requireMayChange(Project project) {
        Caller caller = callers.get();
        String what = "project " + project.id;
        requireBoundTo(caller, project, what);
        Ownership.require(caller, owned(project), what);
    }

    /** 403 unless the caller may add, change or delete the project's tasks. */
    public void requireMayChangeTasks(Project project) {
        Caller caller = callers.get();
        String what = "the tasks of project " + project.id;
        requireBoundTo(caller, project, what);
        if (!caller.hasRole(Roles.INTEGRATOR)) { // an integrator's key may change any task, unless bound
            Ownership.require(caller, owned(project), what);
        }
    }

    private static void requireBoundTo(Caller caller, Project project, String what) {
        if (caller.isBoundToProjects() && !caller.projects().contains(project.id.toString())) {
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "This API key is bound to other projects; it may not change " + what);
        }
    }

    private static Ownership.Owned owned(Project project) {
        return new Ownership.Owned(project.ownerId, project.createdBy, project.teamId);
    }
}
