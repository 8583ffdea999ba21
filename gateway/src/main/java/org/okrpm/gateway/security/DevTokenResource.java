package org.okrpm.gateway.security;

import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.okrpm.gateway.GatewayConfig;
import org.okrpm.kit.problem.ProblemException;
import org.okrpm.kit.problem.ProblemType;
import org.okrpm.kit.security.Claims;
import org.okrpm.kit.security.Roles;

/** Local profile only: mints a token for any subject and roles, signed with the local stack's key. */
@Path("/api/v1/auth/dev-token")
@Tag(name = "auth")
public class DevTokenResource {

    private static final Set<String> KNOWN_ROLES = Set.of(Roles.ADMIN, Roles.MEMBER, Roles.VIEWER, Roles.INTEGRATOR);

    @Schema(name = "DevTokenRequest")
    public record DevTokenRequest(@NotBlank @Schema(example = "alice") String subject,
                                  @NotEmpty @Schema(example = "[\"member\"]") List<@NotNull String> roles,
                                  @Schema(example = "[\"growth\"]", description = "Optional: the teams the subject "
                                          + "belongs to (claim teams), whose objectives and projects it may change")
                                  @Size(max = 100) List<@NotBlank @Size(max = 100) String> teams) {
    }

    @Schema(name = "DevToken")
    public record DevToken(String token, Instant expiresAt) {
    }

    @Inject
    GatewayConfig config;

    @Inject
    TokenMinter minter;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createDevToken", summary = "Mint a token (local profile only)",
            description = "Returns a JWT for the given subject and roles (admin, member, viewer, integrator), and "
                    + "optionally teams (claim teams), signed with the local stack's key. Needs no credentials. "
                    + "Answers 404 outside the local profile.")
    @APIResponse(responseCode = "200", description = "The token and its expiry")
    @APIResponse(responseCode = "404", description = "Not the local profile")
    public DevToken mint(DevTokenRequest request) {
        if (!config.devToken().enabled()) {
            throw new ProblemException(ProblemType.NOT_FOUND, "No resource at this path");
        }
        // validated here rather than with @Valid, so that outside the local profile every call is a plain 404
        if (request == null || request.subject() == null || request.subject().isBlank()) {
            throw ProblemException.invalid("subject", "must not be blank");
        }
        if (request.roles() == null || request.roles().isEmpty()) {
            throw ProblemException.invalid("roles", "must not be empty");
        }
        for (String role : request.roles()) {
            // Set.of(...).contains(null) throws: a null role is a 400 like any unknown one
            if (role == null || !KNOWN_ROLES.contains(role)) {
                throw ProblemException.invalid("roles", "must be among " + KNOWN_ROLES);
            }
        }
        List<String> teams = request.teams() == null ? List.of() : request.teams();
        for (String team : teams) {
            if (team == null || team.isBlank() || team.length() > 100) {
                throw ProblemException.invalid("teams", "must be team ids of 1 to 100 characters");
            }
        }
        if (teams.size() > 100) {
            throw ProblemException.invalid("teams", "must name at most 100 teams");
        }
        Map<String, ?> claims = teams.isEmpty() ? Map.of() : Map.of(Claims.TEAMS, List.copyOf(teams));
        TokenMinter.Minted minted = minter.mint(request.subject(), new LinkedHashSet<>(request.roles()), claims,
                config.devToken().ttl());
        return new DevToken(minted.token(), minted.expiresAt());
    }
}
