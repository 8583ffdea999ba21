package org.okrpm.kit.topics;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.NewTopic;

/** One topic as declared: what {@code kafka-topics.sh --create} is given for it. */
public record TopicDeclaration(String name, int partitions, short replicationFactor, Map<String, String> configs) {

    private static final String MIN_IN_SYNC = "min.insync.replicas";

    static TopicDeclaration of(String name, int partitions, TopicsConfig.CleanupPolicy policy, Duration retention,
                               TopicsConfig cluster) {
        Map<String, String> configs = new TreeMap<>();
        if (policy == TopicsConfig.CleanupPolicy.COMPACT) {
            // each value is the key's full state: the newest per key is all a late reader needs, and every
            // record stays readable for the retention before compaction may drop it
            configs.put("cleanup.policy", "compact");
            configs.put("min.compaction.lag.ms", String.valueOf(retention.toMillis()));
        } else {
            configs.put("cleanup.policy", "delete");
            configs.put("retention.ms", String.valueOf(retention.toMillis()));
        }
        return new TopicDeclaration(name, partitions, cluster.replicationFactor(), configs)
                .onCluster(cluster.replicationFactor(), cluster.minInSyncReplicas());
    }

    /**
     * The same topic on a cluster with this replication; an acks=all write needs {@code minInSyncReplicas} of the
     * replicas, never more than there are.
     */
    public TopicDeclaration onCluster(short replicas, int minInSyncReplicas) {
        Map<String, String> adjusted = new TreeMap<>(configs);
        adjusted.put(MIN_IN_SYNC, String.valueOf(Math.max(1, Math.min(minInSyncReplicas, replicas))));
        return new TopicDeclaration(name, partitions, replicas, Map.copyOf(adjusted));
    }

    NewTopic newTopic() {
        return new NewTopic(name, partitions, replicationFactor).configs(configs);
    }

    /** The {@code kafka-topics.sh} call that creates this topic on an ops-managed cluster. */
    public String createCommand() {
        return "kafka-topics.sh --bootstrap-server $KAFKA_BOOTSTRAP_SERVERS --create --if-not-exists --topic " + name
                + " --partitions " + partitions + " --replication-factor " + replicationFactor
                + new TreeMap<>(configs).entrySet().stream().map(c -> " --config " + c.getKey() + "=" + c.getValue())
                        .collect(Collectors.joining());
    }
}
