package org.okrpm.e2e;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1EnvFromSource;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1HTTPGetAction;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Probe;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServicePort;
import io.kubernetes.client.openapi.models.V1Volume;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/kubernetes cannot be applied here (no cluster), so this validates it: every document against the
 * Kubernetes API schema (the official Java client's models, generated from the Kubernetes OpenAPI document,
 * reject unknown fields, missing required fields and wrong types), then our rules: probes on the management port,
 * resources set, no secret in a literal, images pinned, the ports and variables the services actually use, the JVM
 * options that keep the images' AOT caches usable.
 */
class KubernetesManifestsTest {

    static final Path DIR = ComposeFileTest.ROOT.resolve("deploy/kubernetes");
    /** The version of our own images in the manifests and in docker-compose.yml: the project's, released. */
    static final String IMAGE_TAG = projectVersion().replace("-SNAPSHOT", "");
    private static final Gson GSON = JSON.getGson();
    /** apiVersion/kind → the schema's model; a kind not listed here is not allowed in the manifests. */
    private static final Map<String, Class<?>> MODELS = Map.of(
            "v1/Namespace", V1Namespace.class,
            "v1/ConfigMap", V1ConfigMap.class,
            "v1/Service", V1Service.class,
            "apps/v1/Deployment", V1Deployment.class,
            "policy/v1/PodDisruptionBudget", V1PodDisruptionBudget.class,
            "networking.k8s.io/v1/Ingress", V1Ingress.class);
    /** Variables whose value is a secret: they come from a Secret, never from a literal or a ConfigMap. */
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|TOKEN|_KEY|_SHA256)$");
    private static final Set<String> FRAMEWORK_VARIABLES = Set.of("JAVA_OPTS_APPEND");

    /** Every document of every manifest file, validated and read into its model. */
    static List<Object> resources() {
        List<Object> resources = new ArrayList<>();
        for (Path file : manifestFiles()) {
            try (Reader reader = Files.newBufferedReader(file)) {
                for (Object document : new Yaml().loadAll(reader)) {
                    if (document != null) {
                        resources.add(validated(file, document));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return resources;
    }

    private static Object validated(Path file, Object document) {
        JsonElement json = new Gson().toJsonTree(document);
        String type = json.getAsJsonObject().get("apiVersion").getAsString() + "/"
                + json.getAsJsonObject().get("kind").getAsString();
        Class<?> model = MODELS.get(type);
        if (model == null) {
            throw new AssertionError(file.getFileName() + ": " + type + " is not a kind these manifests use");
        }
        try {
            // the models' type adapters check the document against the schema while reading it
            return GSON.fromJson(json, model);
        } catch (RuntimeException invalid) {
            throw new AssertionError(file.getFileName() + ": " + type + " does not match the Kubernetes schema: "
                    + invalid.getMessage(), invalid);
        }
    }

    private static List<Path> manifestFiles() {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(f -> f.toString().endsWith(".yaml") && !f.endsWith("kustomization.yaml"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> List<T> all(Class<T> kind) {
        return resources().stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    private static V1Deployment deployment(String name) {
        return all(V1Deployment.class).stream().filter(d -> d.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no Deployment " + name));
    }

    private static V1Container container(String name) {
        List<V1Container> containers = deployment(name).getSpec().getTemplate().getSpec().getContainers();
        assertThat(name + " runs one container", containers.size(), is(1));
        return containers.get(0);
    }

    static String configMapValue(String configMap, String key) {
        return all(V1ConfigMap.class).stream().filter(c -> c.getMetadata().getName().equals(configMap)).findFirst()
                .map(c -> c.getData().get(key)).orElse(null);
    }

    /** What the container's environment holds: its ConfigMaps' entries, then its own env (which wins). */
    private static Map<String, V1EnvVar> environment(String name) {
        Map<String, V1EnvVar> env = new LinkedHashMap<>();
        for (V1EnvFromSource from : container(name).getEnvFrom()) {
            if (from.getConfigMapRef() != null) {
                String configMap = from.getConfigMapRef().getName();
                V1ConfigMap map = all(V1ConfigMap.class).stream()
                        .filter(c -> c.getMetadata().getName().equals(configMap)).findFirst()
                        .orElseThrow(() -> new AssertionError(name + " reads a ConfigMap that is missing: " + configMap));
                map.getData().forEach((key, value) -> env.put(key, new V1EnvVar().name(key).value(value)));
            }
        }
        for (V1EnvVar variable : container(name).getEnv()) {
            env.put(variable.getName(), variable);
        }
        return env;
    }

    @Test
    void everyDocumentMatchesTheKubernetesSchema() {
        List<Object> resources = resources();
        assertThat(resources.size(), greaterThanOrEqualTo(1 + 5 + 4 * 3 + 1));
        Set<String> kinds = resources.stream().map(r -> r.getClass().getSimpleName()).collect(Collectors.toSet());
        assertThat(kinds, hasItems("V1Deployment", "V1Service", "V1ConfigMap", "V1Ingress"));
    }

    @Test
    void theValidationRejectsWhatKubernetesWould() {
        Map<String, Object> misspelt = new Yaml().load("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  selector: {matchLabels: {a: b}}
                  template:
                    metadata: {labels: {a: b}}
                    spec:
                      containers:
                        - name: x
                          image: x:1
                          readinesProbe: {httpGet: {path: /q/health/ready, port: management}}
                """);
        Map<String, Object> missingRequired = new Yaml().load("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  template:
                    spec:
                      containers:
                        - image: x:1
                """);
        assertRejected(misspelt, "readinesProbe");
        assertRejected(missingRequired, "required field");
        Map<String, Object> wrongType = new Yaml().load("""
                apiVersion: v1
                kind: Service
                metadata: {name: x}
                spec:
                  ports: {name: http}
                """);
        // a type error names no field, but it is rejected
        assertRejected(wrongType, "");
    }

    private static void assertRejected(Object invalid, String because) {
        try {
            validated(DIR.resolve("example.yaml"), invalid);
        } catch (AssertionError expected) {
            assertThat(expected.getMessage(), containsString("does not match the Kubernetes schema"));
            assertThat(expected.getMessage(), containsString(because));
            return;
        }
        throw new IllegalStateException("accepted: " + invalid);
    }

    @Test
    void kustomizationListsEveryManifest() throws IOException {
        Map<String, Object> kustomization;
        try (Reader reader = Files.newBufferedReader(DIR.resolve("kustomization.yaml"))) {
            kustomization = new Yaml().load(reader);
        }
        assertThat(kustomization.get("kind"), is("Kustomization"));
        @SuppressWarnings("unchecked")
        List<String> listed = (List<String>) kustomization.get("resources");
        Set<String> files = manifestFiles().stream().map(f -> f.getFileName().toString())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(new TreeSet<>(listed), is(files));
    }

    @Test
    void probesAreOnTheManagementPort() throws IOException {
        for (String name : ComposeFileTest.SERVICES) {
            Properties properties = ComposeFileTest.applicationProperties(name);
            V1Container container = container(name);
            Map<String, Integer> ports = container.getPorts().stream()
                    .collect(Collectors.toMap(V1ContainerPort::getName, V1ContainerPort::getContainerPort));
            assertThat(name, ports, is(Map.of(
                    "http", Integer.parseInt(properties.getProperty("quarkus.http.port")),
                    "management", Integer.parseInt(properties.getProperty("quarkus.management.port")))));
            assertThat(name, environment(name).get("QUARKUS_MANAGEMENT_PORT").getValue(),
                    is(String.valueOf(ports.get("management"))));
            assertThat(name, environment(name).get("QUARKUS_HTTP_PORT").getValue(), is(String.valueOf(ports.get("http"))));
            assertProbe(name + " startup", container.getStartupProbe(), "/q/health/started", ports);
            assertProbe(name + " liveness", container.getLivenessProbe(), "/q/health/live", ports);
            assertProbe(name + " readiness", container.getReadinessProbe(), "/q/health/ready", ports);
            Map<String, String> annotations = deployment(name).getSpec().getTemplate().getMetadata().getAnnotations();
            assertThat(name + " is scraped on its management port", annotations.get("prometheus.io/port"),
                    is(String.valueOf(ports.get("management"))));
        }
    }

    private static void assertProbe(String what, V1Probe probe, String path, Map<String, Integer> ports) {
        assertThat(what + " probe", probe, notNullValue());
        V1HTTPGetAction get = probe.getHttpGet();
        assertThat(what + " probe is an HTTP GET", get, notNullValue());
        assertThat(what, get.getPath(), is(path));
        IntOrString port = get.getPort();
        int number = port.isInteger() ? port.getIntValue() : ports.getOrDefault(port.getStrValue(), -1);
        assertThat(what + " probe targets the management port", number, is(ports.get("management")));
    }

    @Test
    void theManagementPortIsExposedByNoServiceAndNoIngress() {
        for (V1Service service : all(V1Service.class)) {
            String name = service.getMetadata().getName();
            assertThat(name + " selects its Deployment", service.getSpec().getSelector(),
                    is(deployment(name).getSpec().getSelector().getMatchLabels()));
            for (V1ServicePort port : service.getSpec().getPorts()) {
                assertThat(name, port.getName(), is("http"));
                assertThat(name, port.getTargetPort(), is(new IntOrString("http")));
            }
        }
        List<V1Ingress> ingresses = all(V1Ingress.class);
        assertThat("one Ingress, the gateway's", ingresses.size(), is(1));
        ingresses.get(0).getSpec().getRules().forEach(rule -> rule.getHttp().getPaths().forEach(path -> {
            assertThat(path.getBackend().getService().getName(), is("gateway"));
            assertThat(path.getBackend().getService().getPort().getName(), is("http"));
        }));
    }

    @Test
    void everyServiceHasReplicasAndResources() {
        for (String name : ComposeFileTest.SERVICES) {
            assertThat(name, deployment(name).getSpec().getReplicas(), greaterThanOrEqualTo(2));
            V1ResourceRequirements resources = container(name).getResources();
            assertThat(name + " resources", resources, notNullValue());
            for (String resource : List.of("cpu", "memory")) {
                assertThat(name + " requests " + resource, resources.getRequests(), org.hamcrest.Matchers.hasKey(resource));
                assertThat(name + " limits " + resource, resources.getLimits(), org.hamcrest.Matchers.hasKey(resource));
                assertThat(name + ": " + resource + " limit ≥ request",
                        resources.getLimits().get(resource).getNumber()
                                .compareTo(resources.getRequests().get(resource).getNumber()),
                        greaterThanOrEqualTo(0));
            }
            assertThat(name + " has a PodDisruptionBudget", all(V1PodDisruptionBudget.class).stream()
                    .map(p -> p.getMetadata().getName()).toList(), hasItem(name));
        }
    }

    @Test
    void imagesArePinned() {
        for (String name : ComposeFileTest.SERVICES) {
            V1Container container = container(name);
            assertThat(name, container.getImage(), is("okrpm/" + name + ":" + IMAGE_TAG));
            assertThat(name, container.getImagePullPolicy(), is("IfNotPresent"));
        }
        assertThat("an exact version, not a moving one", IMAGE_TAG, org.hamcrest.Matchers.matchesPattern("\\d+\\.\\d+\\.\\d+"));
    }

    @Test
    void noSecretIsWrittenDown() throws IOException {
        assertThat("Secrets are created by ops, not kept here", resources().stream()
                .filter(r -> r.getClass().getSimpleName().equals("V1Secret")).toList(), empty());
        for (V1ConfigMap map : all(V1ConfigMap.class)) {
            map.getData().forEach((key, value) -> {
                assertThat(map.getMetadata().getName() + "." + key + " is a secret", SECRET_NAME.matcher(key).matches(),
                        is(false));
                assertThat(map.getMetadata().getName() + "." + key, value, not(containsString("-----BEGIN")));
            });
        }
        String deployDocs = Files.readString(ComposeFileTest.ROOT.resolve("docs/deploy.md"));
        for (String name : ComposeFileTest.SERVICES) {
            for (V1EnvVar variable : container(name).getEnv()) {
                if (SECRET_NAME.matcher(variable.getName()).matches()) {
                    assertThat(name + ": " + variable.getName() + " comes from a Secret", variable.getValue(),
                            is((String) null));
                    String secret = variable.getValueFrom().getSecretKeyRef().getName();
                    assertThat("docs/deploy.md tells how to create the Secret " + secret, deployDocs,
                            containsString("kubectl create secret generic " + secret));
                }
            }
            for (V1Volume volume : deployment(name).getSpec().getTemplate().getSpec().getVolumes()) {
                if (volume.getSecret() != null) {
                    assertThat(deployDocs, containsString("kubectl create secret generic "
                            + volume.getSecret().getSecretName()));
                }
            }
        }
    }

    @Test
    void everyVariableIsAKeyTheServiceReadsAndTheJvmOptionsAreKept() throws IOException {
        for (String name : ComposeFileTest.SERVICES) {
            Properties keys = ComposeFileTest.applicationProperties(name);
            for (String kit : List.of("service-kit-http", "service-kit")) {
                try (Reader reader = Files.newBufferedReader(ComposeFileTest.ROOT.resolve(kit)
                        .resolve("src/main/resources/META-INF/microprofile-config.properties"))) {
                    keys.load(reader);
                }
            }
            Set<String> readable = keys.stringPropertyNames().stream()
                    .map(key -> key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key)
                    .map(key -> key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase())
                    .collect(Collectors.toSet());
            Set<String> unknown = new TreeSet<>(environment(name).keySet());
            unknown.removeIf(variable -> readable.contains(variable) || FRAMEWORK_VARIABLES.contains(variable));
            assertThat(name + " is given variables it never reads", unknown, empty());
            String jvm = environment(name).get("JAVA_OPTS_APPEND").getValue();
            assertThat(name, Arrays.asList(jvm.trim().split("\\s+")),
                    hasItems(ComposeFileTest.dockerfileJavaOptions(name).toArray(String[]::new)));
            ComposeFileTest.assertKeepsTheAotCacheUsable("Kubernetes: " + name, name, environment(name).keySet(), jvm);
        }
    }

    private static String projectVersion() {
        try {
            Matcher matcher = Pattern.compile("<artifactId>okrpm-parent</artifactId>\\s*<version>([^<]+)</version>")
                    .matcher(Files.readString(ComposeFileTest.ROOT.resolve("pom.xml")));
            if (!matcher.find()) {
                throw new IllegalStateException("no version in the parent pom");
            }
            return matcher.group(1).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
