package org.okrpm.kit.topics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/**
 * The Kafka topics a service publishes, declared once in its application.properties (docs/events.md, Topics for ops):
 * <pre>
 * okrpm.topics.published."okr.key-results".partitions=3
 * okrpm.topics.published."okr.key-results".cleanup-policy=compact
 * okrpm.topics.published."okr.key-results".retention=7d
 * </pre>
 * plus the dead-letter topic {@code <consumer group>.dlq} of each of its consumer groups, which the kit derives.
 * Replication is a property of the cluster, not of a topic, so it is set once for all of them.
 */
@ConfigMapping(prefix = "okrpm.topics")
public interface TopicsConfig {

    /**
     * Create the missing topics at start-up (OKRPM_TOPICS_CREATE). On in the local, dev and test profiles; off in
     * production, where ops create them (or turn this on when the service may create topics).
     */
    @WithDefault("false")
    boolean create();

    /** Replicas of every partition (OKRPM_TOPICS_REPLICATION_FACTOR): 3 in production, 1 on a single broker. */
    @WithDefault("3")
    short replicationFactor();

    /** In-sync replicas an acks=all write needs (topic config min.insync.replicas), at most the replication factor. */
    @WithDefault("2")
    int minInSyncReplicas();

    /** How often a start-up attempt that could not reach the broker is tried again. */
    @WithDefault("10s")
    Duration retryEvery();

    /** The {@code <consumer group>.dlq} topics of this service's consumer groups. */
    DeadLetterTopics deadLetters();

    /** The topics this service publishes, by name. */
    Map<String, Topic> published();

    interface Topic {

        int partitions();

        /** {@code delete}: records go after the retention; {@code compact}: the newest record per key stays. */
        @WithDefault("delete")
        CleanupPolicy cleanupPolicy();

        /**
         * How long every record stays readable: {@code retention.ms} when deleting, {@code min.compaction.lag.ms}
         * (history before compaction keeps only the newest per key) when compacting.
         */
        Duration retention();
    }

    interface DeadLetterTopics {

        @WithDefault("1")
        int partitions();

        @WithDefault("30d")
        Duration retention();
    }

    enum CleanupPolicy {
        DELETE, COMPACT
    }
}
