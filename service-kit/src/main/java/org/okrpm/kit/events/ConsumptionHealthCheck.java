package org.okrpm.kit.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The consumers in the readiness details: how many channels wait on a transient failure, and why. Always UP:
 * a waiting consumer does not make the service NOT READY, since its API still works and the partition catches
 * up once the failure passes (the lag shows in the Kafka consumer metrics).
 */
@Readiness
@ApplicationScoped
public class ConsumptionHealthCheck implements HealthCheck {

    @Inject
    ConsumptionStatus status;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("event consumers").up();
        Map<String, String> waiting = status.waiting();
        response.withData("waiting", waiting.size());
        waiting.forEach(response::withData);
        return response.build();
    }
}
