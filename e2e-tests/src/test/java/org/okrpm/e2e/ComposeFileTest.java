package org.okrpm.e2e;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot be run here (no Docker engine), so this checks its structure: every part is
 * there, starts after what it needs, is health-checked on its management port, only the gateway is published,
 * every environment variable given to a service is a configuration key that service actually reads, and what
 * makes it hold up in production: Kafka's data in its volume, exact image versions (the Kafka the tests run),
 * the Dockerfile's JVM options kept, every image trained for its JDK 25 AOT cache and started with the options the
 * cache was recorded with, secrets the container user can read, no CORS origin unless configured, one issuer
 * default everywhere.
 */
class ComposeFileTest {

    static final Path ROOT = Path.of(System.getProperty("okrpm.repo.root", ".."));
    static final List<String> SERVICES = List.of("okr-service", "project-service", "checkin-service", "gateway");
    private static final List<String> DATABASES = List.of("okr-db", "project-db", "checkin-db");
    /** Read by the container image's start script rather than by a configuration key. */
    private static final Set<String> FRAMEWORK_VARIABLES = Set.of("JAVA_OPTS_APPEND");
    private static final Pattern DEFAULTED = Pattern.compile("\\$\\{(\\w+):-(.*)}");
    /** The production build the Dockerfiles copy: an aot-jar that stops after its static init when training. */
    static final String BUILD_COMMAND =
            "./mvnw package -DskipTests -Dquarkus.package.jar.type=aot-jar -Dquarkus.package.jar.aot.enabled=true";
    private static final String CACHE = "/deployments/app.aot";

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

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(String name) throws IOException {
        return (Map<String, Object>) service(name).get("environment");
    }

    private static String env(String service, String variable) throws IOException {
        Object value = environment(service).get(variable);
        return value == null ? null : value.toString();
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
        assertThat("only the gateway's API port, not its management port",
                service("gateway").get("ports"), is(List.of("8080:8080")));
    }

    @Test
    void eachServiceListensOnItsPortsAndIsHealthCheckedOnItsManagementPort() throws IOException {
        for (String name : SERVICES) {
            Properties properties = applicationProperties(name);
            assertThat(name, env(name, "QUARKUS_HTTP_PORT"), is(properties.getProperty("quarkus.http.port")));
            assertThat(name, env(name, "QUARKUS_MANAGEMENT_PORT"),
                    is(properties.getProperty("quarkus.management.port")));
            @SuppressWarnings("unchecked")
            List<String> test = (List<String>) ((Map<String, Object>) service(name).get("healthcheck")).get("test");
            assertThat(name, String.join(" ", test),
                    containsString("http://localhost:$${QUARKUS_MANAGEMENT_PORT}/q/health/ready"));
        }
    }

    @Test
    void everyVariableIsAKeyTheServiceReads() throws IOException {
        for (String name : SERVICES) {
            Set<String> readable = configKeysAsEnvironmentVariables(name);
            Set<String> unknown = new TreeSet<>(environment(name).keySet());
            unknown.removeIf(variable -> readable.contains(variable) || FRAMEWORK_VARIABLES.contains(variable));
            assertThat(name + " is given variables it never reads", unknown, empty());
        }
    }

    @Test
    void kafkaKeepsItsDataInItsVolume() throws IOException {
        Map<String, Object> kafka = service("kafka");
        String logDirs = env("kafka", "KAFKA_LOG_DIRS");
        assertThat("without KAFKA_LOG_DIRS the image writes to /tmp/kraft-combined-logs", logDirs, notNullValue());
        @SuppressWarnings("unchecked")
        List<String> volumes = (List<String>) kafka.get("volumes");
        List<String> mounted = volumes.stream().filter(v -> v.endsWith(":" + logDirs)).toList();
        assertThat("a volume is mounted where Kafka writes (" + logDirs + ")", mounted, hasSize(1));
        String volume = mounted.get(0).substring(0, mounted.get(0).indexOf(':'));
        @SuppressWarnings("unchecked")
        Map<String, Object> namedVolumes = (Map<String, Object>) compose().get("volumes");
        assertThat("a named volume, kept across `docker compose down`", namedVolumes, hasKey(volume));
        assertThat("the data belongs to a fixed cluster id", env("kafka", "CLUSTER_ID"), matchesPattern("[A-Za-z0-9_-]{22}"));
    }

    @Test
    void topicsAreCreatedByTheServicesNotOnFirstUse() throws IOException {
        assertThat(env("kafka", "KAFKA_AUTO_CREATE_TOPICS_ENABLE"), is("false"));
        for (String name : List.of("okr-service", "project-service", "checkin-service")) {
            assertThat(name, env(name, "OKRPM_TOPICS_CREATE"), is("true"));
            assertThat(name + ": one broker", env(name, "OKRPM_TOPICS_REPLICATION_FACTOR"), is("1"));
        }
    }

    @Test
    void imagesArePinnedToTheVersionsTheTestsRun() throws IOException {
        assertThat("the broker of the tests and the local stack (kafka.version)",
                service("kafka").get("image"), is("apache/kafka:" + kafkaVersion()));
        Set<Object> postgres = DATABASES.stream().map(db -> {
            try {
                return service(db).get("image");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).collect(Collectors.toSet());
        assertThat("one exact PostgreSQL version for every database", postgres, hasSize(1));
        assertThat(postgres.iterator().next().toString(), matchesPattern("postgres:\\d+\\.\\d+"));
        for (String name : SERVICES) {
            assertThat(name, service(name).get("image").toString(),
                    matchesPattern("okrpm/" + name + ":" + Pattern.quote(KubernetesManifestsTest.IMAGE_TAG)));
        }
    }

    @Test
    void jvmOptionsKeepWhatTheDockerfileSets() throws IOException {
        for (String name : SERVICES) {
            List<String> required = dockerfileJavaOptions(name);
            assertThat(name + "'s Dockerfile sets the JBoss log manager", required,
                    org.hamcrest.Matchers.hasItem("-Djava.util.logging.manager=org.jboss.logmanager.LogManager"));
            String appended = env(name, "JAVA_OPTS_APPEND");
            if (appended != null) {
                // the variable replaces the Dockerfile's value: it must repeat it
                assertThat(name, Arrays.asList(appended.trim().split("\\s+")),
                        org.hamcrest.Matchers.hasItems(required.toArray(String[]::new)));
            }
            assertKeepsTheAotCacheUsable("compose: " + name, name, environment(name).keySet(), appended);
        }
    }

    @Test
    void everyImageTrainsItsAotCacheAndStartsWithTheSameOptions() throws IOException {
        Set<String> baseImages = new TreeSet<>();
        for (String name : SERVICES) {
            String dockerfile = dockerfile(name);
            Matcher from = Pattern.compile("(?m)^FROM (\\S+)$").matcher(dockerfile);
            assertThat(name + " has a base image", from.find(), is(true));
            baseImages.add(from.group(1));
            assertThat(name + "'s Dockerfile names the build it copies", dockerfile, containsString(BUILD_COMMAND));
            List<String> cacheOptions = dockerfileEnv(name, "JAVA_AOT_OPTS");
            assertThat(name, cacheOptions, hasItems("-XX:+UseSerialGC", "-XX:+UseCompactObjectHeaders"));
            // the JVM refuses a cache recorded with other options (the object header layout above all)
            String training = instruction(dockerfile, "RUN", "-XX:AOTCacheOutput=");
            assertThat(name + " trains with the cache's options", training, containsString("java $JAVA_AOT_OPTS "));
            assertThat(name, training, containsString("-XX:AOTCacheOutput=" + CACHE));
            assertThat(name + ": no database or broker in an image build, so Quarkus stops after its static init",
                    training, containsString("-Dquarkus.appcds.generate=true"));
            String start = instruction(dockerfile, "ENTRYPOINT", "");
            assertThat(name + " starts with the cache's options, the cache, then the operator's options", start,
                    containsString("exec java $JAVA_AOT_OPTS -XX:AOTCache=" + CACHE + " $JAVA_OPTS_APPEND -jar "));
            Properties properties = applicationProperties(name);
            assertThat(name, dockerfile, containsString("\nEXPOSE " + properties.getProperty("quarkus.http.port") + " "
                    + properties.getProperty("quarkus.management.port") + "\n"));
        }
        assertThat("one JDK build for every image", baseImages, hasSize(1));
        assertThat("an exact JDK 25 build: the caches are only valid for it", baseImages.iterator().next(),
                matchesPattern("eclipse-temurin:25\\.\\d+\\.\\d+_\\d+-jre-\\w+"));
        assertThat(Files.readString(ROOT.resolve("docs/deploy.md")), containsString(BUILD_COMMAND));
        assertThat(Files.readString(ROOT.resolve("docker-compose.yml")), containsString(BUILD_COMMAND));
    }

    @Test
    void theCacheCheckRejectsWhatTheJvmWouldRefuse() {
        List<String> cache = List.of("-XX:+UseSerialGC", "-XX:+UseCompactObjectHeaders");
        assertThat(contradictions(cache, List.of("-XX:+UseG1GC", "-XX:-UseCompactObjectHeaders",
                "-XX:MaxRAMPercentage=50", "-XX:+UseSerialGC", "-Dquarkus.http.host=0.0.0.0")),
                is(List.of("-XX:+UseG1GC", "-XX:-UseCompactObjectHeaders")));
    }

    /**
     * What a container's environment must leave alone for its JVM to use the image's AOT cache: the options it was
     * recorded with ({@code JAVA_AOT_OPTS}, not set) and nothing in {@code JAVA_OPTS_APPEND} that contradicts them or
     * turns the cache off.
     */
    static void assertKeepsTheAotCacheUsable(String where, String service, Set<String> variables, String appended)
            throws IOException {
        assertThat(where + " leaves the cache's options to the image", variables, not(hasItem("JAVA_AOT_OPTS")));
        if (appended == null) {
            return;
        }
        List<String> options = Arrays.asList(appended.trim().split("\\s+"));
        assertThat(where, contradictions(dockerfileEnv(service, "JAVA_AOT_OPTS"), options), empty());
        assertThat(where + " keeps the cache on", appended, not(containsString("-XX:AOT")));
    }

    /** The options that undo one the cache was recorded with: the opposite flag, or another garbage collector. */
    static List<String> contradictions(List<String> cacheOptions, List<String> options) {
        return options.stream().filter(option -> cacheOptions.stream().anyMatch(cached -> {
            if (!cached.matches("-XX:[+-]\\w+")) {
                return false;
            }
            String flag = cached.substring(5);
            boolean opposite = option.equals("-XX:" + (cached.charAt(4) == '+' ? '-' : '+') + flag);
            boolean otherCollector = flag.matches("Use\\w+GC") && option.matches("-XX:\\+Use\\w+GC")
                    && !option.equals(cached);
            return opposite || otherCollector;
        })).toList();
    }

    @Test
    void secretsAreReadableByTheContainersUser() throws IOException {
        String header = Files.readString(ROOT.resolve("docker-compose.yml"));
        for (String name : SERVICES) {
            String dockerfile = Files.readString(ROOT.resolve(name).resolve("src/main/docker/Dockerfile.jvm"));
            assertThat(name + " runs as user 185", dockerfile, containsString("\nUSER 185\n"));
        }
        // compose mounts secret files as they are on the host: the private key must belong to that user
        assertThat(header, containsString("chown 185 secrets/jwt-private.pem"));
        assertThat(header, containsString("chmod 0400 secrets/jwt-private.pem"));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, String>> secrets = (Map<String, Map<String, String>>) compose().get("secrets");
        assertThat(secrets.values().stream().map(s -> s.get("file")).toList(), everyItem(
                org.hamcrest.Matchers.startsWith("./secrets/")));
        String gitignore = Files.readString(ROOT.resolve(".gitignore"));
        assertThat("secrets/ stays out of git", gitignore, containsString("secrets/"));
        assertThat(".env stays out of git", gitignore, containsString(".env"));
    }

    @Test
    void noCorsOriginUnlessConfigured() throws IOException {
        String origins = env("gateway", "QUARKUS_HTTP_CORS_ORIGINS");
        Matcher matcher = DEFAULTED.matcher(origins);
        assertThat("taken from OKRPM_CORS_ORIGINS: " + origins, matcher.matches(), is(true));
        assertThat("no origin when OKRPM_CORS_ORIGINS is unset", matcher.group(2), is(""));
        // an empty value counts as unset, so the production default applies: it must be none
        Properties gateway = applicationProperties("gateway");
        assertThat("the gateway's production profile has no CORS origins",
                gateway.getProperty("quarkus.http.cors.origins"), is((String) null));
        assertThat(gateway.getProperty("%prod.quarkus.http.cors.origins"), is((String) null));
    }

    @Test
    void oneIssuerDefaultEverywhere() throws IOException {
        Matcher matcher = DEFAULTED.matcher(env("gateway", "MP_JWT_VERIFY_ISSUER"));
        assertThat(matcher.matches(), is(true));
        String issuer = matcher.group(2);
        for (String name : SERVICES) {
            assertThat(name + ": compose", env(name, "MP_JWT_VERIFY_ISSUER"), is("${OKRPM_JWT_ISSUER:-" + issuer + "}"));
            assertThat(name + ": application.properties",
                    applicationProperties(name).getProperty("mp.jwt.verify.issuer"), is(issuer));
        }
        assertThat("Kubernetes", KubernetesManifestsTest.configMapValue("okrpm-common", "MP_JWT_VERIFY_ISSUER"),
                is(issuer));
        String gatewayDocs = Files.readString(ROOT.resolve("docs/gateway.md"));
        assertThat(gatewayDocs, containsString("| `MP_JWT_VERIFY_ISSUER` | `" + issuer + "` |"));
        String deployDocs = Files.readString(ROOT.resolve("docs/deploy.md"));
        assertThat(deployDocs, containsString("`" + issuer + "`"));
        for (String text : List.of(gatewayDocs, deployDocs, Files.readString(ROOT.resolve("docker-compose.yml")),
                Files.readString(ROOT.resolve("README.md")))) {
            assertThat("no other issuer default", text, not(containsString("okrpm.example\n")));
            assertThat("no other issuer default", text, not(containsString("https://okrpm.example}")));
        }
    }

    /** The Kafka version of the embedded broker the tests and the local stack run. */
    static String kafkaVersion() throws IOException {
        Pattern version = Pattern.compile("<kafka\\.version>([^<]+)</kafka\\.version>");
        for (Path pom : List.of(ROOT.resolve("pom.xml"), ROOT.resolve("kafka-broker/pom.xml"))) {
            Matcher matcher = version.matcher(Files.readString(pom));
            if (matcher.find()) {
                return matcher.group(1).trim();
            }
        }
        throw new AssertionError("no <kafka.version> in the parent pom or kafka-broker/pom.xml");
    }

    /** The options of the Dockerfile's {@code ENV JAVA_OPTS_APPEND="..."}. */
    static List<String> dockerfileJavaOptions(String service) throws IOException {
        return dockerfileEnv(service, "JAVA_OPTS_APPEND");
    }

    /** The options of the Dockerfile's {@code ENV <variable>="..."}. */
    static List<String> dockerfileEnv(String service, String variable) throws IOException {
        Matcher matcher = Pattern.compile("ENV " + variable + "=\"([^\"]*)\"").matcher(dockerfile(service));
        assertThat(service + "'s Dockerfile sets " + variable, matcher.find(), is(true));
        return Arrays.asList(matcher.group(1).trim().split("\\s+"));
    }

    private static String dockerfile(String service) throws IOException {
        return Files.readString(ROOT.resolve(service).resolve("src/main/docker/Dockerfile.jvm"));
    }

    /** The Dockerfile's first {@code keyword} instruction containing {@code text}, its continued lines joined. */
    private static String instruction(String dockerfile, String keyword, String text) {
        String joined = dockerfile.replaceAll("\\\\\\n\\s*", " ");
        return joined.lines().filter(line -> line.startsWith(keyword + " ") && line.contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + keyword + " with " + text));
    }

    static Properties applicationProperties(String service) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(
                ROOT.resolve(service).resolve("src/main/resources/application.properties"))) {
            properties.load(reader);
        }
        return properties;
    }

    /**
     * Each key of the service's application.properties and of the kit's defaults (any profile) as MicroProfile
     * Config's env var name.
     */
    private static Set<String> configKeysAsEnvironmentVariables(String service) throws IOException {
        Properties properties = applicationProperties(service);
        for (String kit : List.of("service-kit-http", "service-kit")) {
            try (Reader reader = Files.newBufferedReader(
                    ROOT.resolve(kit).resolve("src/main/resources/META-INF/microprofile-config.properties"))) {
                properties.load(reader);
            }
        }
        return properties.stringPropertyNames().stream()
                .map(key -> key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key)
                .map(key -> key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase())
                .collect(Collectors.toSet());
    }
}
