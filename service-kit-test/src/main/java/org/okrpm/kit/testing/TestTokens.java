package org.okrpm.kit.testing;

import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;
import org.okrpm.kit.security.Claims;
import org.okrpm.kit.security.Roles;

import static io.restassured.RestAssured.given;

/**
 * Real RS256 tokens for tests. In test mode, with no key configured, smallrye-jwt generates an in-memory
 * key pair: the service verifies with its public half and {@code Jwt.sign()} signs with its private half,
 * so tests go through real verification and no key is ever committed.
 */
public final class TestTokens {

    private TestTokens() {
    }

    public static String token(String subject, String... roles) {
        return token(subject, Map.of(), roles);
    }

    /** A token with further claims, e.g. {@code Map.of("teams", List.of("growth"))}. */
    public static String token(String subject, Map<String, ?> claims, String... roles) {
        JwtClaimsBuilder builder = Jwt.issuer(ConfigProvider.getConfig().getValue("mp.jwt.verify.issuer", String.class))
                .subject(subject).groups(Set.of(roles)).expiresIn(3600);
        claims.forEach(builder::claim);
        return builder.sign();
    }

    /** A REST Assured request acting as {@code subject} with the given roles, sending JSON. */
    public static RequestSpecification as(String subject, String... roles) {
        return api().auth().oauth2(token(subject, roles)).contentType("application/json");
    }

    /** As {@link #as(String, String...)}, with further claims in the token. */
    public static RequestSpecification as(String subject, Map<String, ?> claims, String... roles) {
        return api().auth().oauth2(token(subject, claims, roles)).contentType("application/json");
    }

    /** A member who belongs to the given teams (the {@code teams} claim). */
    public static RequestSpecification asMemberOf(String subject, String... teams) {
        return as(subject, Map.of(Claims.TEAMS, List.of(teams)), Roles.MEMBER);
    }

    /** A request without credentials; JSON decimals read back as doubles (REST Assured's default is float). */
    public static RequestSpecification api() {
        return given().config(RestAssured.config().jsonConfig(
                JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE)));
    }

    public static RequestSpecification asMember() {
        return as("alice", "member");
    }

    public static RequestSpecification asViewer() {
        return as("victor", "viewer");
    }

    public static RequestSpecification asAdmin() {
        return as("ada", "admin");
    }
}
