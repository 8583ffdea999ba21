package org.okrpm.kit.testapp;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The test app's span exporter (Quarkus exports to CDI exporters): finished spans, kept in memory for the tests. */
public class SpanCollector {

    @Produces
    @Singleton
    InMemorySpanExporter spans() {
        return InMemorySpanExporter.create();
    }
}
