package org.okrpm.project.integration;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.okrpm.kit.crypto.SecretCipher;
import org.okrpm.kit.http.IfMatch;
import org.okrpm.kit.paging.PageRequest;
import org.okrpm.kit.paging.PageResponse;
import org.okrpm.kit.persistence.Criteria;
import org.okrpm.kit.problem.ProblemException;
import org.okrpm.project.integration.IntegrationDtos.DeliveryView;
import org.okrpm.project.integration.IntegrationDtos.IntegrationCreate;
import org.okrpm.project.integration.IntegrationDtos.IntegrationView;
import org.okrpm.project.keyresult.KeyResultDirectory;
import org.okrpm.project.keyresult.KeyResultUnconfirmedException;
import org.okrpm.project.project.Project;
import org.okrpm.project.project.ProjectService;

/** Creating, reading and deleting integrations, and reading their delivery logs. */
@ApplicationScoped
@Transactional
public class IntegrationService {

    private static final Pattern GITHUB_REPOSITORY = Pattern.compile("[A-Za-z0-9_.-]{1,100}/[A-Za-z0-9_.-]{1,100}");
    private static final Pattern JIRA_PROJECT_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,99}");

    @Inject
    SecretCipher cipher;

    @Inject
    KeyResultDirectory keyResults;

    /** The filters of {@code GET /integrations}; null means "any". */
    public record IntegrationFilter(UUID projectId, IntegrationSource source) {
    }

    /**
     * Binds an external project to one of ours. The default key result is checked here, with the admin's
     * credentials (a key result created a moment ago is found in okr-service), and not again per webhook.
     */
    public IntegrationView create(IntegrationCreate body, String userId) {
        cipher.requireConfigured();
        IntegrationSource source = IntegrationSource.fromWire(body.source()).orElseThrow();
        String externalProject = externalProject(source, body.externalProject());
        Project project = Project.findById(body.projectId());
        if (project == null) {
            throw ProblemException.unprocessable("projectId", "Project " + body.projectId() + " does not exist");
        }
        ProjectService.requireOpen(project);
        checkKeyResult(body.defaultKeyResultId());
        if (externalProject != null && Integration.count(
                "projectId = ?1 and source = ?2 and lower(externalProject) = ?3",
                project.id, source, externalProject.toLowerCase(Locale.ROOT)) > 0) {
            throw ProblemException.conflict("Project " + project.id + " already has a " + source.wireName()
                    + " integration for " + externalProject);
        }
        Integration integration = new Integration();
        integration.id = UUID.randomUUID();
        integration.source = source;
        integration.projectId = project.id;
        integration.externalProject = externalProject;
        integration.defaultKeyResultId = body.defaultKeyResultId();
        integration.secretCiphertext = cipher.encrypt(body.secret());
        integration.createdBy = userId;
        integration.persistAndFlush();
        return IntegrationView.of(integration);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<IntegrationView> list(IntegrationFilter filter, Sort sort, PageRequest page) {
        Criteria criteria = Criteria.where().eq("projectId", filter.projectId()).eq("source", filter.source());
        return PageResponse.of(Integration.<Integration>find(criteria.query(), sort,
                criteria.parameters()), page, IntegrationView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public IntegrationView get(UUID id) {
        return IntegrationView.of(require(id));
    }

    /** Deletes the integration with its items and delivery log; the tasks it made stay, no longer linked. */
    public void delete(UUID id, String ifMatch) {
        Integration integration = require(id);
        IfMatch.check(ifMatch, integration.version);
        integration.delete();
    }

    /** Newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<DeliveryView> deliveries(UUID integrationId, DeliveryLog.Filter filter, PageRequest page) {
        require(integrationId);
        Criteria criteria = Criteria.where().eq("integrationId", integrationId).eq("deliveryId", filter.deliveryId())
                .eq("outcome", filter.outcome()).eq("externalId", filter.externalId());
        return PageResponse.of(IntegrationDelivery.<IntegrationDelivery>find(criteria.query(),
                Sort.descending("receivedAt", "id"), criteria.parameters()), page, d -> DeliveryView.of(d, false));
    }

    /** One delivery of the log, with the raw body as received. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public DeliveryView delivery(UUID integrationId, UUID id) {
        require(integrationId);
        IntegrationDelivery delivery = IntegrationDelivery.findById(id);
        if (delivery == null || !delivery.integrationId.equals(integrationId)) {
            throw ProblemException.notFound("Delivery", id);
        }
        return DeliveryView.of(delivery, true);
    }

    public Integration require(UUID id) {
        Integration integration = Integration.findById(id);
        if (integration == null) {
            throw ProblemException.notFound("Integration", id);
        }
        return integration;
    }

    private static String externalProject(IntegrationSource source, String given) {
        String value = given == null || given.isBlank() ? null : given.trim();
        switch (source) {
            case GITHUB -> {
                if (value == null || !GITHUB_REPOSITORY.matcher(value).matches()) {
                    throw ProblemException.invalid("externalProject",
                            "must be the repository as owner/name, e.g. octo-org/octo-repo");
                }
            }
            case JIRA -> {
                if (value == null || !JIRA_PROJECT_KEY.matcher(value).matches()) {
                    throw ProblemException.invalid("externalProject", "must be the Jira project key, e.g. OPS");
                }
                value = value.toUpperCase(Locale.ROOT);
            }
            case GENERIC -> {
                // optional: when set, events naming another project are refused
            }
        }
        return value;
    }

    private void checkKeyResult(UUID keyResultId) {
        if (keyResultId == null) {
            return;
        }
        boolean exists;
        try {
            exists = keyResults.exists(keyResultId);
        } catch (KeyResultUnconfirmedException e) {
            throw ProblemException.unprocessable("defaultKeyResultId", e.getMessage());
        }
        if (!exists) {
            throw ProblemException.unprocessable("defaultKeyResultId",
                    "Key result " + keyResultId + " does not exist");
        }
    }
}
