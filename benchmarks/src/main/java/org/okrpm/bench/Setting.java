package org.okrpm.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.okrpm.broker.EmbeddedBroker;
import org.okrpm.stack.AotCache;
import org.okrpm.stack.LocalStack;
import org.okrpm.stack.ServiceProcess;

/**
 * The JVM settings a run measures (issue #18). Today: the local builds on this harness's own Java with
 * {@link ServiceProcess#DEFAULT_JVM_OPTIONS}. New: the trained AOT builds on the JDK they were trained with and
 * {@link AotCache#options}; {@link ServiceProcess} picks those by itself wherever a fresh cache exists.
 */
enum Setting {

    TODAY("today", "Today's settings: local builds, the harness's Java, the local stack's JVM options"),
    NEW("new", "New settings: trained AOT builds on JDK 25 with their AOT cache");

    private final String label;
    private final String title;

    Setting(String label, String title) {
        this.label = label;
        this.title = title;
    }

    String label() {
        return label;
    }

    String title() {
        return title;
    }

    @Override
    public String toString() {
        return label;
    }

    /** Makes the next service starts use this setting. */
    void apply() {
        if (this == TODAY) {
            System.setProperty(AotCache.ENABLED_PROPERTY, "off");
        } else {
            System.clearProperty(AotCache.ENABLED_PROPERTY);
        }
    }

    /** The JVM options of a service started with this setting, as the report shows them (with the new: its cache). */
    List<String> options(String service) {
        if (this == TODAY) {
            return ServiceProcess.jvmOptions();
        }
        List<String> options = new ArrayList<>(AotCache.options(service));
        options.add("-XX:AOTCache=<service>/target/" + AotCache.BUILD + "/app.aot");
        return options;
    }

    /** The Kafka broker's JVM options with this setting (the local stack's broker). */
    List<String> brokerOptions() {
        return this == TODAY ? EmbeddedBroker.QUICK_START : AotCache.BROKER_OPTIONS;
    }

    /** The services of the stack not started the way this setting asks (new: from their cache; today: not). */
    List<String> notStartedAsAsked(LocalStack stack) {
        return services().stream().filter(name -> stack.service(name).fromAotCache() != (this == NEW)).toList();
    }

    /** The four services, in the order the report lists them. */
    static List<String> services() {
        return LocalStack.SERVICES;
    }

    /** {@code today,new} (in any order, run in this enum's order). */
    static List<Setting> parse(String list) {
        List<Setting> asked = new ArrayList<>();
        for (String label : list.split(",")) {
            Setting setting = switch (label.trim().toLowerCase(Locale.ROOT)) {
                case "today" -> TODAY;
                case "new" -> NEW;
                default -> throw new IllegalArgumentException("--settings takes today, new or both (today,new), not "
                        + label);
            };
            if (!asked.contains(setting)) {
                asked.add(setting);
            }
        }
        asked.sort(null);
        return asked;
    }
}
