package org.okrpm.gateway.support;

import org.okrpm.kit.testing.Management;

/** Reads one counter from the management port's Prometheus page. */
public final class Metrics {

    private Metrics() {
    }

    /** The value of {@code name} (Prometheus form) whose labels include {@code label}, e.g. {@code reason="x"}; 0 if absent. */
    public static double counter(String name, String label) {
        String page = Management.api().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String line : page.split("\n")) {
            if (line.startsWith(name + "{") && line.contains(label)) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }
}
