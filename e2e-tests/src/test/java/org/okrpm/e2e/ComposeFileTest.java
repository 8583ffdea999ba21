package org.okrpm.e2e;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot be run here (no Docker engine), so this checks its structure: every part is
 * there, starts after what it needs, is health-checked, only the gateway is published, and every
 * environment variable given to a service is a configuration key that service actually reads.
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of(System.getProperty("okrpm.repo.root", ".."));
    private static final List<String> SERVICES = List.of("okr-service", "project-service", "checkin-service", "gateway");
    /** Read by the framework or the container image rather than by a key in application.properties. */
    private static final Set<String> FRAMEWORK_VARIABLES = Set.of("JAVA_OPTS_APPEND");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> compose() throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(100);
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
            return new Yaml(options).load(reader);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) throws IOException {
        return (Map<String, Object>) ((Map<String, Object>) compose().get("services")).get(name);
    }

    @Test
    void everyPartIsThereAndStartsAfterWhatItNeeds() throws IOException {
        Map<String, Object> kafka = service("kafka");
        assertThat(kafka, notNullValue());
        assertThat(kafka, hasKey("healthcheck"));
        for (String name : SERVICES) {
            Map<String, Object> service = service(name);
            assertThat(name, service, notNullValue());
            assertThat(name, service, hasKey("healthcheck"));
            assertThat(name + " builds from its Dockerfile",
                    Files.exists(ROOT.resolve(name).resolve("src/main/docker/Dockerfile.jvm")), is(true));
            @SuppressWarnings("unchecked")
            Map<String, Map<String, String>> dependsOn = (Map<String, Map<String, String>>) service.get("depends_on");
            assertThat(name, dependsOn.get("kafka").get("condition"), is("service_healthy"));
            if (!name.equals("gateway")) {
                String db = name.replace("-service", "-db");
                assertThat(name + " has a database of its own", service(db), notNullValue());
                assertThat(name, dependsOn.get(db).get("condition"), is("service_healthy"));
            }
        }
    }

    @Test
    void onlyTheGatewayIsPublished() throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose().get("services");
        Set<String> published = services.entrySet().stream().filter(e -> e.getValue().containsKey("ports"))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        assertThat(published, is(Set.of("gateway")));
    }

    @Test
    void everyVariableIsAKeyTheServiceReads() throws IOException {
        for (String name : SERVICES) {
            Set<String> readable = configKeysAsEnvironmentVariables(name);
            @SuppressWarnings("unchecked")
            Map<String, Object> environment = (Map<String, Object>) service(name).get("environment");
            Set<String> unknown = new TreeSet<>(environment.keySet());
            unknown.removeIf(variable -> readable.contains(variable) || FRAMEWORK_VARIABLES.contains(variable));
            assertThat(name + " is given variables it never reads", unknown, empty());
        }
    }

    /** Each key of the service's application.properties (any profile) as MicroProfile Config's env var name. */
    private static Set<String> configKeysAsEnvironmentVariables(String service) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(
                ROOT.resolve(service).resolve("src/main/resources/application.properties"))) {
            properties.load(reader);
        }
        return properties.stringPropertyNames().stream()
                .map(key -> key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key)
                .map(key -> key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase())
                .collect(Collectors.toSet());
    }
}
