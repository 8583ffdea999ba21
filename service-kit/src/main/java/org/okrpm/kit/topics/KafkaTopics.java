package org.okrpm.kit.topics;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.okrpm.kit.events.DeadLetters;
import org.okrpm.kit.events.EventConsumption;
import org.okrpm.kit.events.EventHandler;

/**
 * Makes sure the topics this service publishes exist before it needs them: its declared topics
 * ({@link TopicsConfig}) and the dead-letter topic of each of its consumer groups. At start-up, before the consumers
 * connect, it creates the missing ones when allowed ({@code okrpm.topics.create}) and logs what differs from the
 * declaration. A broker that cannot be reached never stops the start: the check runs again every
 * {@code okrpm.topics.retry-every} until it succeeds (the outbox keeps the events meanwhile). When creating is not
 * allowed, missing topics are logged until ops have created them.
 */
@ApplicationScoped
public class KafkaTopics {

    private static final Logger LOG = Logger.getLogger(KafkaTopics.class);
    /** The start-up waits at most about this long for a broker that does not answer. */
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    @Inject
    TopicsConfig config;

    @Inject
    Instance<EventHandler> handlers;

    @Inject
    EventConsumption consumption;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092")
    String bootstrapServers;

    private boolean settled;
    private boolean reportedUnreachable;
    private Set<String> reportedMissing = Set.of();
    private final Set<String> reportedDrift = new HashSet<>();

    /** Every topic this service publishes, its dead-letter topics included, as declared. */
    public List<TopicDeclaration> declared() {
        List<TopicDeclaration> topics = new ArrayList<>();
        config.published().forEach((name, topic) -> topics.add(TopicDeclaration.of(name, topic.partitions(),
                topic.cleanupPolicy(), topic.retention(), config)));
        Set<String> groups = new TreeSet<>();
        handlers.forEach(handler -> groups.add(consumption.groupOf(handler)));
        for (String group : groups) {
            topics.add(TopicDeclaration.of(DeadLetters.topicOf(group), config.deadLetters().partitions(),
                    TopicsConfig.CleanupPolicy.DELETE, config.deadLetters().retention(), config));
        }
        return topics;
    }

    /** Before SmallRye Reactive Messaging connects the consumers (its start-up observer has priority 1000). */
    void onStart(@Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE - 100) StartupEvent event) {
        check();
    }

    @Scheduled(every = "${okrpm.topics.retry-every:10s}", delayed = "${okrpm.topics.retry-every:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retry() {
        check();
    }

    /** Compares the declaration with the broker once more, unless everything was settled already. */
    public synchronized boolean check() {
        if (settled) {
            return true;
        }
        List<TopicDeclaration> declared = declared();
        Admin admin = null;
        try {
            // inside the try: an address that does not resolve yet fails here, and must not stop the start
            admin = Admin.create(adminConfig());
            TopicReconciler.Outcome outcome = TopicReconciler.reconcile(admin, declared, config.create(), TIMEOUT);
            report(outcome);
            settled = outcome.missing().isEmpty();
        } catch (Exception e) {
            if (!reportedUnreachable) {
                LOG.warnf("Kafka topics not checked yet (%s); trying again every %s", e, config.retryEvery());
                reportedUnreachable = true;
            }
        } finally {
            if (admin != null) {
                admin.close(Duration.ofSeconds(1));
            }
        }
        return settled;
    }

    private void report(TopicReconciler.Outcome outcome) {
        if (!outcome.created().isEmpty()) {
            LOG.infof("Created Kafka topics %s", outcome.created());
        }
        for (String drift : outcome.drift()) {
            if (reportedDrift.add(drift)) {
                LOG.warnf("Kafka topic differs from its declaration: %s", drift);
            }
        }
        Set<String> missing = new TreeSet<>(outcome.missing());
        if (!missing.isEmpty() && !missing.equals(reportedMissing)) {
            LOG.errorf("Kafka topics missing: %s. Events wait in the outbox (in order) until they exist: create them "
                    + "(docs/events.md, Topics for ops) or let the service do it (OKRPM_TOPICS_CREATE=true)", missing);
        } else if (missing.isEmpty() && !reportedMissing.isEmpty()) {
            LOG.infof("Kafka topics %s exist now", reportedMissing);
        }
        reportedMissing = missing;
    }

    /** The application's Kafka client settings (security included) that an admin client understands. */
    private Map<String, Object> adminConfig() {
        Map<String, Object> admin = new HashMap<>();
        Set<String> known = AdminClientConfig.configNames();
        kafka.forEach((key, value) -> {
            if (known.contains(key)) {
                admin.put(key, value);
            }
        });
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        admin.put(AdminClientConfig.CLIENT_ID_CONFIG, "okrpm-topics");
        admin.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        admin.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        return admin;
    }
}
