package org.okrpm.okr.webhook;

import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.okrpm.kit.openapi.Enumerations;
import org.okrpm.kit.openapi.ProblemResponsesFilter;

/**
 * okr-service's OpenAPI filter ({@code mp.openapi.filter}): the kit's rules, then the webhook event names as the
 * enum of {@code events} and the CloudEvents types as that of a delivery's {@code type}, from
 * {@link WebhookEventTypes}, the list the service checks against.
 */
public class WebhookOpenApiFilter extends ProblemResponsesFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        super.filterOpenAPI(openAPI);
        Enumerations.enumerate(openAPI, "WebhookCreate", "events", WebhookEventTypes.NAMES);
        Enumerations.enumerate(openAPI, "Webhook", "events", WebhookEventTypes.NAMES);
        Enumerations.enumerate(openAPI, "WebhookDelivery", "type", WebhookEventTypes.CE_TYPES);
    }
}
