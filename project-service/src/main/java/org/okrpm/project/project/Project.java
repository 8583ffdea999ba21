package org.okrpm.project.project;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;
import org.okrpm.kit.persistence.AuditedEntity;

@Entity
@Table(name = "project")
public class Project extends AuditedEntity {

    @Id
    public UUID id;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(length = 4000)
    public String description;

    @Column(name = "business_case", length = 4000)
    public String businessCase;

    @Column(name = "owner_id", nullable = false, length = 100)
    public String ownerId;

    /** The team the project belongs to; its members may change it and its tasks. */
    @Column(name = "team_id", length = 100)
    public String teamId;

    /** The subject that created it; null for projects created before this was recorded. */
    @Column(name = "created_by", length = 100, updatable = false)
    public String createdBy;

    @Column(name = "start_date")
    public LocalDate startDate;

    @Column(name = "due_date")
    public LocalDate dueDate;

    /** Null together with {@link #budgetCurrency} when the project has no budget. */
    @Column(name = "budget_amount", precision = 19, scale = 4)
    public BigDecimal budgetAmount;

    @Column(name = "budget_currency", length = 3)
    public String budgetCurrency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public ProjectStage stage;

    /** Loaded with the project (reads run without a transaction); batched for lists. */
    @ElementCollection(fetch = FetchType.EAGER)
    @BatchSize(size = 50)
    @CollectionTable(name = "project_key_result", joinColumns = @JoinColumn(name = "project_id"))
    @OrderColumn(name = "position")
    @Column(name = "key_result_id", nullable = false)
    public List<UUID> keyResultIds = new ArrayList<>();
}
