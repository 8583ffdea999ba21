package org.okrpm.kit.startup;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.config.SmallRyeConfig;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Production fails closed. In the {@code prod} profile an application refuses to start — exit code 1 and one
 * line naming every missing setting — when it lacks the key that verifies bearer tokens, the accepted issuer,
 * or any setting its own {@code okrpm.production.required-settings} lists (the services' encryption keys).
 * Without this, a gateway with no JWT key starts, reports READY and answers 401 to everything, and a service
 * with no encryption key only warns: broken in a way that looks healthy.
 * <p>
 * The check runs as the first {@link StartupEvent} observer, the earliest hook an application has; extensions
 * that start before it (Flyway's migration, the HTTP server) may already have run, but nothing is served: a
 * failing start-up stops the application before readiness. The line comes from Quarkus itself, which prints the
 * message of a {@link ConfigurationException} — the way it reports its own missing configuration — without a
 * stack trace. Other profiles (local, dev, test) are never checked.
 */
@Singleton
public class ProductionSettings {

    /** Settings an application lists as required in production, comma-separated; alternatives joined by {@code |}. */
    public static final String REQUIRED = "okrpm.production.required-settings";

    private static final String UNSET_BY_SMALLRYE_JWT = "NONE";

    /** What every application needs, since every one verifies bearer tokens. */
    static final List<String> ALWAYS = List.of(
            "mp.jwt.verify.publickey.location|mp.jwt.verify.publickey|smallrye.jwt.verify.key.location",
            "mp.jwt.verify.issuer");

    void check(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        SmallRyeConfig config = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class);
        if (!config.getProfiles().contains("prod")) {
            return;
        }
        List<String> required = new ArrayList<>(ALWAYS);
        required.addAll(config.getOptionalValues(REQUIRED, String.class).orElse(List.of()));
        Optional<String> problem = problem(name -> config.getOptionalValue(name, String.class), required);
        if (problem.isPresent()) {
            throw new ConfigurationException(problem.get(), Set.copyOf(required));
        }
    }

    /**
     * The one line naming every requirement that no setting meets, or empty when all are met. A requirement is
     * a property name, or alternatives joined by {@code |} (one of them is enough); a blank value, or SmallRye
     * JWT's default {@code NONE}, is missing.
     */
    static Optional<String> problem(Function<String, Optional<String>> lookup, List<String> requirements) {
        List<String> missing = new ArrayList<>();
        for (String requirement : requirements) {
            String trimmed = requirement.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            boolean met = false;
            List<String> named = new ArrayList<>();
            for (String alternative : trimmed.split("\\|")) {
                String name = alternative.trim();
                met |= lookup.apply(name).filter(ProductionSettings::isSet).isPresent();
                named.add(name + " (" + environmentVariable(name) + ")");
            }
            if (!met) {
                missing.add(String.join(" or ", named));
            }
        }
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Refusing to start in the prod profile: " + String.join("; ", missing)
                + (missing.size() == 1 ? " is" : " are") + " not set. Production runs only with its token "
                + "verification key, issuer and encryption keys (docs/deploy.md).");
    }

    /**
     * Blank is unset, and so is {@code NONE}: SmallRye JWT declares its key settings with that default, which
     * Quarkus makes visible to every lookup, so an unconfigured key reads as "NONE", not as missing.
     */
    private static boolean isSet(String value) {
        return !value.isBlank() && !value.trim().equals(UNSET_BY_SMALLRYE_JWT);
    }

    /** MicroProfile Config's environment variable for a property: MP_JWT_VERIFY_ISSUER for mp.jwt.verify.issuer. */
    static String environmentVariable(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
