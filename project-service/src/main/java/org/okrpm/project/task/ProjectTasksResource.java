package org.okrpm.project.task;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.okrpm.kit.idempotency.Idempotent;
import org.okrpm.kit.paging.PageRequest;
import org.okrpm.kit.paging.PageResponse;
import org.okrpm.kit.paging.Sorting;
import org.okrpm.kit.persistence.Criteria;
import org.okrpm.kit.problem.Problem;
import org.okrpm.kit.security.Roles;
import org.okrpm.project.task.TaskDtos.TaskCreate;
import org.okrpm.project.task.TaskDtos.TaskView;
import org.okrpm.project.task.TaskService.TaskFilter;

/** Tasks are created and listed under their project. */
@Path("/api/v1/projects/{projectId}/tasks")
@Tag(name = "Tasks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Idempotent
public class ProjectTasksResource {

    /** What {@code ?sort=} may name: the OpenAPI description and the check share this constant. */
    static final String SORT_FIELDS = "title, dueDate, weight, completedAt, createdAt, updatedAt";
    private static final Sorting SORTING = Sorting.fields(SORT_FIELDS, Criteria.oldestFirst());

    @Inject
    TaskService tasks;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.MEMBER})
    @Operation(operationId = "createTask",
            summary = "Add a task to a project", description = "Starts TODO with completedAt null; weight > 0, default 1.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = TaskView.class)))
    @APIResponse(responseCode = "403", description = "The caller is neither admin nor the project's "
            + "owner, creator or a member of its team (the detail names the rule), is a viewer, or its API key is "
            + "bound to other projects",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The project is CLOSED or CANCELLED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A keyResultId that does not exist",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@PathParam("projectId") UUID projectId, @Valid @NotNull TaskCreate body) {
        TaskView created = tasks.create(projectId, body);
        return Response.created(URI.create("/api/v1/tasks/" + created.id())).entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MEMBER, Roles.VIEWER})
    @Operation(operationId = "listProjectTasks",
            summary = "List a project's tasks",
            description = "Oldest first unless sorted; filters by status, assignee, key result, due date and title.")
    public PageResponse<TaskView> list(@PathParam("projectId") UUID projectId,
            @QueryParam("status") TaskStatus status,
            @QueryParam("assigneeId") String assigneeId,
            @QueryParam("keyResultId") UUID keyResultId,
            @Parameter(description = "Only tasks with a dueDate before this day (YYYY-MM-DD); tasks without one "
                    + "are left out", example = "2026-12-01")
            @QueryParam("dueBefore") LocalDate dueBefore,
            @Parameter(description = "Only tasks whose title contains this text, ignoring case")
            @QueryParam("q") String q,
            @Parameter(description = Sorting.DESCRIPTION + SORT_FIELDS) @QueryParam("sort") String sort,
            @Valid @BeanParam PageRequest page) {
        return tasks.list(projectId, new TaskFilter(status, assigneeId, keyResultId, dueBefore, q),
                SORTING.parse(sort), page);
    }
}
