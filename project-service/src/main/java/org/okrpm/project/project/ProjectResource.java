package org.okrpm.project.project;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.okrpm.kit.http.CurrentRequest;
import org.okrpm.kit.http.MergePatcher;
import org.okrpm.kit.idempotency.Idempotent;
import org.okrpm.kit.paging.PageRequest;
import org.okrpm.kit.paging.PageResponse;
import org.okrpm.kit.paging.Sorting;
import org.okrpm.kit.persistence.Criteria;
import org.okrpm.kit.problem.Problem;
import org.okrpm.kit.security.Roles;
import org.okrpm.project.project.ProjectDtos.HealthView;
import org.okrpm.project.project.ProjectDtos.ProjectCreate;
import org.okrpm.project.project.ProjectDtos.ProjectView;
import org.okrpm.project.project.ProjectDtos.StageChange;
import org.okrpm.project.project.ProjectService.ProjectFilter;

@Path("/api/v1/projects")
@Tag(name = "Projects", description = "Projects through INITIATION → PLANNING → EXECUTION → CLOSED (or CANCELLED), "
        + "with budget, costs and health")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Idempotent
public class ProjectResource {

    static final String HEALTH_RULE = "timeElapsed = share of startDate → dueDate elapsed today (UTC), clamped to "
            + "0..1, null without both dates. budgetUsed = actualCost ÷ budget.amount, not clamped, null without a "
            + "budget. behind = timeElapsed − progress. OFF_TRACK when budgetUsed > 1, or past dueDate with "
            + "progress < 1, or behind > 0.25. ON_TRACK when behind ≤ 0.10 and budgetUsed ≤ "
            + "max(progress, timeElapsed) + 0.10. AT_RISK otherwise. Without dates and budget: ON_TRACK.";

    /** What {@code ?sort=} may name: the OpenAPI description and the check share this constant. */
    static final String SORT_FIELDS = "name, startDate, dueDate, createdAt, updatedAt";
    private static final Sorting SORTING = Sorting.fields(SORT_FIELDS, Criteria.oldestFirst());

    @Inject
    ProjectService projects;

    @Inject
    CurrentRequest request;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.MEMBER})
    @Operation(operationId = "createProject", summary = "Create a project",
            description = "Starts in INITIATION with actualCost 0 and no tasks. ownerId defaults to the caller; "
                    + "dueDate must not be before startDate; budget is optional.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = ProjectView.class)))
    @APIResponse(responseCode = "422", description = "A keyResultId that does not exist",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull ProjectCreate body) {
        ProjectView created = projects.create(body, request.userId());
        return Response.created(URI.create("/api/v1/projects/" + created.id())).entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MEMBER, Roles.VIEWER})
    @Operation(operationId = "listProjects",
            summary = "List projects",
            description = "Oldest first unless sorted; filters by stage, owner, linked key result, the cycle of a "
                    + "linked key result, health and name. Each project embeds its health as of today.")
    public PageResponse<ProjectView> list(
            @QueryParam("stage") ProjectStage stage,
            @QueryParam("ownerId") String ownerId,
            @Parameter(description = "Only projects linked to this key result")
            @QueryParam("keyResultId") UUID keyResultId,
            @Parameter(description = "Only projects linked to at least one key result of this cycle")
            @QueryParam("cycleId") UUID cycleId,
            @Parameter(description = "Only projects whose health status (health.status) is this one today")
            @QueryParam("health") HealthStatus health,
            @Parameter(description = "Only projects whose name contains this text, ignoring case")
            @QueryParam("q") String q,
            @Parameter(description = Sorting.DESCRIPTION + SORT_FIELDS) @QueryParam("sort") String sort,
            @Valid @BeanParam PageRequest page) {
        return projects.list(new ProjectFilter(stage, ownerId, keyResultId, cycleId, health, q), SORTING.parse(sort),
                page);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MEMBER, Roles.VIEWER})
    @Operation(operationId = "getProject",
            summary = "Get a project",
            description = "With actualCost, taskStats, progress and health (as of today); the ETag carries the "
                    + "version.")
    public ProjectView get(@PathParam("id") UUID id) {
        return projects.get(id);
    }

    @PATCH
    @Path("{id}")
    @Consumes({MergePatcher.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.ADMIN, Roles.MEMBER})
    @Operation(operationId = "updateProject", summary = "Change a project",
            description = "JSON merge patch of name, description, businessCase, ownerId, teamId, startDate, dueDate, "
                    + "budget (null removes it) and keyResultIds (replaced as a whole). The stage changes only through "
                    + "POST /projects/{id}/stage. A new budget currency must match the costs already recorded (400).")
    @APIResponse(responseCode = "200", description = "Updated",
            content = @Content(schema = @Schema(implementation = ProjectView.class)))
    @APIResponse(responseCode = "403", description = "The caller is neither admin nor the project's owner, creator "
            + "or a member of its team (the detail names the rule), is a viewer, or its API key is bound to other "
            + "projects",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The project is CLOSED or CANCELLED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "An added keyResultId that does not exist",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ProjectView patch(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @RequestBody(content = {
                    @Content(mediaType = MergePatcher.MEDIA_TYPE, schema = @Schema(implementation = ProjectDtos.ProjectUpdate.class)),
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProjectDtos.ProjectUpdate.class))})
            JsonNode patch) {
        return projects.update(id, ifMatch, patch);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MEMBER})
    @Operation(operationId = "deleteProject", summary = "Delete a project with its tasks and costs",
            description = "Only while the project is open; a CLOSED or CANCELLED project stays as a record.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", description = "The caller is neither admin nor the project's owner, creator "
            + "or a member of its team (the detail names the rule), is a viewer, or its API key is bound to other "
            + "projects",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The project is CLOSED or CANCELLED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        projects.delete(id, ifMatch);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/stage")
    @RolesAllowed({Roles.ADMIN, Roles.MEMBER})
    @Operation(operationId = "changeProjectStage", summary = "Move the project to its next stage, or cancel it",
            description = "INITIATION → PLANNING → EXECUTION → CLOSED one step at a time; CANCELLED from any open "
                    + "stage. CLOSED needs every task DONE or CANCELLED.")
    @APIResponse(responseCode = "200", description = "The project in its new stage",
            content = @Content(schema = @Schema(implementation = ProjectView.class)))
    @APIResponse(responseCode = "403", description = "The caller is neither admin nor the project's owner, creator "
            + "or a member of its team (the detail names the rule), is a viewer, or its API key is bound to other "
            + "projects",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not the next stage, the project is already CLOSED or "
            + "CANCELLED, or (closing) some tasks are still open: the problem then lists them in `openTasks` "
            + "(id, title, status; at most 100) and counts them in `openTaskCount`",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ProjectView changeStage(@PathParam("id") UUID id, @Valid @NotNull StageChange body) {
        return projects.changeStage(id, body.stage());
    }

    @GET
    @Path("{id}/health")
    @RolesAllowed({Roles.ADMIN, Roles.MEMBER, Roles.VIEWER})
    @Operation(operationId = "getProjectHealth",
            summary = "How the project is doing: work done against time elapsed and budget spent",
            description = HEALTH_RULE)
    public HealthView health(@PathParam("id") UUID id) {
        return projects.health(id);
    }
}
