package org.okrpm.project.integration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.okrpm.kit.persistence.AuditedEntity;

/** An external tool's project bound to one of our projects. The secret is kept encrypted, never returned. */
@Entity
@Table(name = "integration")
public class Integration extends AuditedEntity {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public IntegrationSource source;

    @Column(name = "project_id", nullable = false)
    public UUID projectId;

    /** {@code owner/repo} for GitHub, the project key for Jira; optional for the generic form. */
    @Column(name = "external_project", length = 200)
    public String externalProject;

    @Column(name = "default_key_result_id")
    public UUID defaultKeyResultId;

    @Column(name = "secret_ciphertext", nullable = false, length = 1000)
    public String secretCiphertext;

    @Column(name = "created_by", length = 100)
    public String createdBy;
}
