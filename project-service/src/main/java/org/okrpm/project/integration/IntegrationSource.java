package org.okrpm.project.integration;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of external tool an integration listens to; on the wire in lower case ({@code github}). */
public enum IntegrationSource {
    GITHUB, JIRA, GENERIC;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<IntegrationSource> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(value)).findFirst();
    }
}
