package org.okrpm.kit.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Compares the declared topics with what the broker has: creates the missing ones when allowed and reports
 * every difference in partitions or configuration (drift). It never changes an existing topic: that is a
 * decision for ops (more partitions move keys to other partitions; see docs/events.md).
 */
public final class TopicReconciler {

    /** What one comparison found; {@code missing} is empty once every declared topic exists. */
    public record Outcome(List<String> created, List<String> missing, List<String> drift) {
    }

    private TopicReconciler() {
    }

    public static Outcome reconcile(Admin admin, Collection<TopicDeclaration> declared, boolean create,
                                    Duration timeout) throws Exception {
        Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        List<TopicDeclaration> absent = declared.stream().filter(t -> !existing.contains(t.name())).toList();
        List<String> created = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        if (create && !absent.isEmpty()) {
            CreateTopicsResult result = admin.createTopics(absent.stream().map(TopicDeclaration::newTopic).toList());
            for (TopicDeclaration topic : absent) {
                try {
                    result.values().get(topic.name()).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                    created.add(topic.name());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e; // another replica creating it at the same time is fine; anything else is not
                    }
                }
            }
        } else {
            absent.forEach(topic -> missing.add(topic.name()));
        }
        List<TopicDeclaration> present = declared.stream()
                .filter(t -> existing.contains(t.name())).toList();
        return new Outcome(created, missing, drift(admin, present, timeout));
    }

    private static List<String> drift(Admin admin, List<TopicDeclaration> present, Duration timeout) throws Exception {
        List<String> drift = new ArrayList<>();
        if (present.isEmpty()) {
            return drift;
        }
        List<String> names = present.stream().map(TopicDeclaration::name).toList();
        Map<String, TopicDescription> descriptions = admin.describeTopics(names).allTopicNames()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        Map<ConfigResource, Config> configs = admin.describeConfigs(names.stream()
                        .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList()).all()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        for (TopicDeclaration topic : present) {
            TopicDescription description = descriptions.get(topic.name());
            int partitions = description.partitions().size();
            if (partitions != topic.partitions()) {
                drift.add(topic.name() + ": " + partitions + " partitions, declared " + topic.partitions());
            }
            int replicas = description.partitions().get(0).replicas().size();
            if (replicas != topic.replicationFactor()) {
                drift.add(topic.name() + ": replication factor " + replicas + ", declared "
                        + topic.replicationFactor());
            }
            Config actual = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()));
            topic.configs().forEach((key, value) -> {
                ConfigEntry entry = actual.get(key);
                String found = entry == null ? null : entry.value();
                if (!value.equals(found)) {
                    drift.add(topic.name() + ": " + key + "=" + found + ", declared " + value);
                }
            });
        }
        return drift;
    }
}
