package org.okrpm.project.task;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.okrpm.kit.http.MergePatcher;
import org.okrpm.kit.idempotency.Idempotent;
import org.okrpm.kit.problem.Problem;
import org.okrpm.kit.security.Roles;
import org.okrpm.project.task.TaskDtos.TaskBulkRequest;
import org.okrpm.project.task.TaskDtos.TaskBulkResult;
import org.okrpm.project.task.TaskDtos.TaskView;

/** One task, or many at once. Integrators (external PM tools) may read and change tasks here. */
@Path("/api/v1/tasks")
@Tag(name = "Tasks", description = "Work items of a project; DONE tasks make up its progress and move linked key results")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TaskResource {

    @Inject
    TaskService tasks;

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MEMBER, Roles.VIEWER, Roles.INTEGRATOR})
    @Operation(operationId = "getTask", summary = "Get a task")
    public TaskView get(@PathParam("id") UUID id) {
        return tasks.get(id);
    }

    @PATCH
    @Path("{id}")
    @Consumes({MergePatcher.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.ADMIN, Roles.MEMBER, Roles.INTEGRATOR})
    @Operation(operationId = "updateTask", summary = "Change a task",
            description = "JSON merge patch of title, description, assigneeId, dueDate, keyResultId, weight and status "
                    + "(TODO, IN_PROGRESS, DONE, CANCELLED, in any order). completedAt is set when the task becomes "
                    + "DONE and cleared when it leaves DONE.")
    @APIResponse(responseCode = "200", description = "Updated",
            content = @Content(schema = @Schema(implementation = TaskView.class)))
    @APIResponse(responseCode = "403", description = "The caller is neither admin, integrator nor the project's "
            + "owner, creator or a member of its team (the detail names the rule), is a viewer, or its API key is "
            + "bound to other projects",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The project is CLOSED or CANCELLED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A new keyResultId that does not exist",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TaskView patch(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @RequestBody(content = {
                    @Content(mediaType = MergePatcher.MEDIA_TYPE, schema = @Schema(implementation = TaskDtos.TaskUpdate.class)),
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TaskDtos.TaskUpdate.class))})
            JsonNode patch) {
        return tasks.updateAsCaller(id, ifMatch, patch);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MEMBER, Roles.INTEGRATOR})
    @Operation(operationId = "deleteTask", summary = "Delete a task")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", description = "The caller is neither admin, integrator nor the project's "
            + "owner, creator or a member of its team (the detail names the rule), is a viewer, or its API key is "
            + "bound to other projects",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The project is CLOSED or CANCELLED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        tasks.deleteAsCaller(id, ifMatch);
        return Response.noContent().build();
    }

    @POST
    @Path("bulk")
    @Idempotent
    @RolesAllowed({Roles.ADMIN, Roles.MEMBER, Roles.INTEGRATOR})
    @Operation(operationId = "bulkUpdateTasks", summary = "Change many tasks at once",
            description = "1 to " + TaskService.MAX_BULK_CHANGES + " changes, each the task's id beside a JSON merge "
                    + "patch as for PATCH /tasks/{id} (same fields and rules). All of them are applied in one "
                    + "transaction, or none: when any change fails, nothing changes and one 422 lists every failing "
                    + "change by its index (errors[].field such as changes[3].weight). Each task is published as by "
                    + "PATCH, each key result the changes touch gets one rollup.")
    @APIResponse(responseCode = "200", description = "Every change applied; the tasks in the order of the changes",
            content = @Content(schema = @Schema(implementation = TaskBulkResult.class)))
    @APIResponse(responseCode = "400", description = "No changes, more than " + TaskService.MAX_BULK_CHANGES
            + ", or a body that is not {\"changes\": [...]}",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "A task of a project whose tasks the caller may not change: "
            + "neither admin, integrator nor the project's owner, creator or a member of its team (the detail names "
            + "the rule), a viewer, or an API key bound to other projects; nothing was changed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Some changes cannot be applied (unknown or repeated task, "
            + "invalid field, unknown keyResultId, CLOSED or CANCELLED project); nothing was changed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response bulk(@Valid @NotNull TaskBulkRequest body) {
        // a Response, as the Idempotency-Key replay answers one
        return Response.ok(new TaskBulkResult(tasks.updateAll(body.changes()))).build();
    }
}
