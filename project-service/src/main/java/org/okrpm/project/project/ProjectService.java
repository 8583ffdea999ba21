package org.okrpm.project.project;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.okrpm.kit.http.IfMatch;
import org.okrpm.kit.http.MergePatcher;
import org.okrpm.kit.paging.PageRequest;
import org.okrpm.kit.paging.PageResponse;
import org.okrpm.kit.persistence.Criteria;
import org.okrpm.kit.problem.ProblemException;
import org.okrpm.kit.problem.ProblemType;
import org.okrpm.project.keyresult.KeyResultDirectory;
import org.okrpm.project.keyresult.KeyResultUnconfirmedException;
import org.okrpm.project.project.ProjectDtos.HealthView;
import org.okrpm.project.project.ProjectDtos.Money;
import org.okrpm.project.project.ProjectDtos.OpenTask;
import org.okrpm.project.project.ProjectDtos.ProjectCreate;
import org.okrpm.project.project.ProjectDtos.ProjectFigures;
import org.okrpm.project.project.ProjectDtos.ProjectUpdate;
import org.okrpm.project.project.ProjectDtos.ProjectView;
import org.okrpm.project.project.ProjectProgressCalculator.StandingTally;

@ApplicationScoped
@Transactional
public class ProjectService {

    /** At most this many open tasks are listed in the 409 of a refused close; openTaskCount has them all. */
    static final int PUNCH_LIST_LIMIT = 100;

    @Inject
    MergePatcher patcher;

    @Inject
    KeyResultDirectory keyResults;

    @Inject
    ProjectEvents events;

    @Inject
    ProjectTasks tasks;

    @Inject
    ProjectCosts costs;

    @Inject
    ProjectAccess access;

    Clock clock = Clock.systemUTC();

    /** At most this many projects' figures are read in one query (the size of its IN list). */
    private static final int FIGURES_CHUNK = 500;

    /**
     * The filters of {@code GET /projects}; null means "any". {@code cycleId}: linked to a key result of that cycle
     * (as the key-result replica knows it); {@code health}: the health status as of today.
     */
    public record ProjectFilter(ProjectStage stage, String ownerId, UUID keyResultId, UUID cycleId,
                                HealthStatus health, String q) {
    }

    public ProjectView create(ProjectCreate body, String callerId) {
        checkDates(body.startDate(), body.dueDate());
        checkBudget(body.budget());
        List<UUID> keyResultIds = distinct(body.keyResultIds());
        checkKeyResults(keyResultIds);
        Project project = new Project();
        project.id = UUID.randomUUID();
        project.name = body.name().trim();
        project.description = body.description();
        project.businessCase = body.businessCase();
        project.ownerId = body.ownerId() == null || body.ownerId().isBlank() ? callerId : body.ownerId().trim();
        project.teamId = body.teamId();
        project.createdBy = callerId;
        project.startDate = body.startDate();
        project.dueDate = body.dueDate();
        setBudget(project, body.budget());
        project.keyResultIds = new ArrayList<>(keyResultIds);
        project.stage = ProjectStage.INITIATION;
        project.persistAndFlush();
        HealthStatus health = healthNow(project);
        recordAnnounced(project.id, health); // the created event tells it
        events.publish(ProjectEvents.CREATED, project, health);
        return view(project);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<ProjectView> list(ProjectFilter filter, Sort sort, PageRequest page) {
        Criteria criteria = Criteria.where()
                .eq("stage", filter.stage())
                .eq("ownerId", filter.ownerId())
                .contains("name", filter.q())
                .when(filter.keyResultId(), ":keyResultId member of keyResultIds", "keyResultId")
                .when(filter.cycleId(), "id in (select p.id from Project p join p.keyResultIds k where k in "
                        + "(select r.id from KeyResultReplica r where r.cycleId = :cycleId))", "cycleId");
        LocalDate today = LocalDate.now(clock);
        if (filter.health() != null) {
            // health is computed, not stored: the matching projects are assessed here, then paged
            List<Project> all = Project.<Project>find(criteria.query(), sort, criteria.parameters()).list();
            Map<UUID, ProjectFigures> figures = figures(all.stream().map(p -> p.id).toList());
            List<ProjectView> healthy = all.stream().map(p -> view(p, figures.get(p.id), today))
                    .filter(view -> view.health().status() == filter.health()).toList();
            return PageResponse.of(healthy, page);
        }
        PageResponse<Project> projects = PageResponse.of(
                Project.<Project>find(criteria.query(), sort, criteria.parameters()), page, p -> p);
        Map<UUID, ProjectFigures> figures = figures(projects.items().stream().map(p -> p.id).toList());
        return new PageResponse<>(projects.items().stream().map(p -> view(p, figures.get(p.id), today)).toList(),
                projects.page(), projects.size(), projects.totalItems(), projects.totalPages());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ProjectView get(UUID id) {
        return view(require(id));
    }

    public ProjectView update(UUID id, String ifMatch, JsonNode patch) {
        Project project = require(id);
        access.requireMayChange(project);
        IfMatch.check(ifMatch, project.version);
        requireOpen(project);
        ProjectUpdate update = patcher.apply(ProjectUpdate.of(project), patch, ProjectUpdate.class);
        checkDates(update.startDate(), update.dueDate());
        checkBudget(update.budget());
        if (update.budget() != null && !update.budget().currency().equals(project.budgetCurrency)) {
            String costCurrency = costs.recordedCurrency(project.id);
            if (costCurrency != null && !costCurrency.equals(update.budget().currency())) {
                throw ProblemException.invalid("budget.currency",
                        "must be " + costCurrency + ", the currency of the costs already recorded");
            }
        }
        List<UUID> keyResultIds = distinct(update.keyResultIds());
        List<UUID> added = keyResultIds.stream().filter(kr -> !project.keyResultIds.contains(kr)).toList();
        checkKeyResults(added);
        long previousVersion = project.version;
        project.name = update.name().trim();
        project.description = update.description();
        project.businessCase = update.businessCase();
        project.ownerId = update.ownerId().trim();
        project.teamId = update.teamId();
        project.startDate = update.startDate();
        project.dueDate = update.dueDate();
        setBudget(project, update.budget());
        if (!keyResultIds.equals(project.keyResultIds)) {
            project.keyResultIds.clear();
            project.keyResultIds.addAll(keyResultIds);
        }
        Panache.getEntityManager().flush();
        HealthStatus health = healthNow(project);
        if (project.version != previousVersion) { // a patch that changed nothing makes no version and no event
            events.publish(ProjectEvents.UPDATED, project, health);
        }
        announceIfChanged(project, health);
        return view(project);
    }

    /**
     * Deletes an open project with its tasks and costs; a CLOSED or CANCELLED one is a record: 409. The key
     * results its tasks were linked to get their rollup without them.
     */
    public void delete(UUID id, String ifMatch) {
        Project project = lock(id);
        access.requireMayChange(project);
        IfMatch.check(ifMatch, project.version);
        requireOpen(project);
        HealthStatus health = healthNow(project); // the last state: before its tasks and costs go
        tasks.deleteAll(id);
        costs.deleteAll(id);
        events.publish(ProjectEvents.DELETED, project, health);
        project.delete();
    }

    /**
     * Moves the project to its next stage, or cancels it. Closing needs every task DONE or CANCELLED; the
     * 409 otherwise lists the open tasks ({@code openTasks}, {@code openTaskCount}).
     */
    public ProjectView changeStage(UUID id, ProjectStage next) {
        Project project = lock(id);
        access.requireMayChange(project);
        if (!project.stage.canMoveTo(next)) {
            throw ProblemException.conflict("A project in " + project.stage + " cannot move to " + next
                    + "; stages only move forward one step (INITIATION, PLANNING, EXECUTION, CLOSED), "
                    + "and any open stage may be CANCELLED");
        }
        if (next == ProjectStage.CLOSED) {
            requireNoOpenTasks(project);
        }
        project.stage = next;
        Panache.getEntityManager().flush();
        HealthStatus health = healthNow(project);
        events.publish(ProjectEvents.STAGE_CHANGED, project, health);
        announceIfChanged(project, health);
        return view(project);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public HealthView health(UUID id) {
        Project project = require(id);
        return health(project, figures(List.of(id)).get(id), LocalDate.now(clock));
    }

    private static HealthView health(Project project, ProjectFigures figures, LocalDate today) {
        return HealthView.of(ProjectHealthCalculator.assess(figures.progress(), project.startDate, project.dueDate,
                figures.actualCost(), project.budgetAmount, today), today);
    }

    /**
     * After a change of the project's tasks or costs, in its transaction: announces its health when that moved
     * ({@link ProjectEvents#HEALTH_CHANGED}).
     */
    public void recheckHealth(Project project) {
        announceIfChanged(project, healthNow(project));
    }

    /**
     * The daily check of one project (its health moves with the date alone): true when a change was announced.
     * Under the project's row lock, so replicas sweeping at the same time announce each change once.
     */
    public boolean recheckHealthToday(UUID id) {
        Project project = Panache.getEntityManager().find(Project.class, id, LockModeType.PESSIMISTIC_WRITE);
        return project != null && announceIfChanged(project, healthNow(project));
    }

    /** The open projects with a due date: those whose health can change from one day to the next. */
    public List<UUID> datedOpenProjects() {
        return Project.find("select id from Project where dueDate is not null and stage in ?1",
                List.of(ProjectStage.INITIATION, ProjectStage.PLANNING, ProjectStage.EXECUTION))
                .project(UUID.class).list();
    }

    private HealthStatus healthNow(Project project) {
        return health(project, figures(List.of(project.id)).get(project.id), LocalDate.now(clock)).status();
    }

    /**
     * Publishes {@code health} when it differs from the health last announced (kept in the project row, read under
     * its row lock: concurrent transactions and replicas announce each change once). A project never assessed
     * before (created before health was announced) is recorded without an event.
     */
    private boolean announceIfChanged(Project project, HealthStatus health) {
        Object announced = Panache.getEntityManager()
                .createNativeQuery("select published_health from project where id = :id for update")
                .setParameter("id", project.id).getSingleResult();
        if (health.name().equals(announced)) {
            return false;
        }
        recordAnnounced(project.id, health);
        if (announced == null) {
            return false;
        }
        events.publish(ProjectEvents.HEALTH_CHANGED, project, health);
        return true;
    }

    /** A statement of its own, not the entity: the project's version and updatedAt stay as they are. */
    private static void recordAnnounced(UUID projectId, HealthStatus health) {
        Panache.getEntityManager().createNativeQuery("update project set published_health = :health where id = :id")
                .setParameter("health", health.name()).setParameter("id", projectId).executeUpdate();
    }

    /** The project, or 404. */
    public Project require(UUID id) {
        Project project = Project.findById(id);
        if (project == null) {
            throw ProblemException.notFound("Project", id);
        }
        return project;
    }

    /**
     * The project locked for this transaction (404 when missing, 409 when CLOSED or CANCELLED): every change
     * to its tasks and costs goes through here, so none can slip in while the project closes.
     */
    public Project lockOpen(UUID id) {
        Project project = lock(id);
        requireOpen(project);
        return project;
    }

    /** Nothing of a CLOSED or CANCELLED project may change: 409. */
    public static void requireOpen(Project project) {
        if (!project.stage.isOpen()) {
            throw ProblemException.conflict("Project " + project.id + " is " + project.stage
                    + "; neither it nor its tasks and costs can change any more");
        }
    }

    /** The project locked for this transaction, open or not (404 when missing). */
    public Project lock(UUID id) {
        Project project = Panache.getEntityManager().find(Project.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (project == null) {
            throw ProblemException.notFound("Project", id);
        }
        return project;
    }

    private void requireNoOpenTasks(Project project) {
        long count = tasks.countOpen(project.id);
        if (count == 0) {
            return;
        }
        List<OpenTask> punchList = tasks.oldestOpen(project.id, PUNCH_LIST_LIMIT);
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("openTaskCount", count);
        extensions.put("openTasks", punchList);
        throw new ProblemException(ProblemType.CONFLICT, "Project " + project.id + " cannot close: " + count
                + " task(s) are neither DONE nor CANCELLED (see openTasks)", null, extensions);
    }

    private ProjectView view(Project project) {
        return view(project, figures(List.of(project.id)).get(project.id), LocalDate.now(clock));
    }

    private static ProjectView view(Project project, ProjectFigures figures, LocalDate today) {
        return ProjectView.of(project, figures, health(project, figures, today));
    }

    /** actualCost, taskStats and progress of each project, in two grouped queries per chunk of projects. */
    private Map<UUID, ProjectFigures> figures(List<UUID> projectIds) {
        Map<UUID, ProjectFigures> result = new HashMap<>();
        for (int from = 0; from < projectIds.size(); from += FIGURES_CHUNK) {
            result.putAll(figuresOf(projectIds.subList(from, Math.min(from + FIGURES_CHUNK, projectIds.size()))));
        }
        return result;
    }

    private Map<UUID, ProjectFigures> figuresOf(Collection<UUID> projectIds) {
        Map<UUID, ProjectFigures> result = new HashMap<>();
        Map<UUID, List<StandingTally>> tallies = tasks.tallies(projectIds);
        Map<UUID, BigDecimal> actualCosts = costs.actualCosts(projectIds);
        for (UUID id : projectIds) {
            List<StandingTally> projectTallies = tallies.getOrDefault(id, List.of());
            result.put(id, new ProjectFigures(ProjectDtos.plain(actualCosts.getOrDefault(id, BigDecimal.ZERO)),
                    ProjectProgressCalculator.stats(projectTallies), ProjectProgressCalculator.progress(projectTallies)));
        }
        return result;
    }

    private void checkKeyResults(List<UUID> keyResultIds) {
        List<UUID> missing;
        try {
            missing = keyResults.missing(keyResultIds);
        } catch (KeyResultUnconfirmedException e) {
            throw ProblemException.unprocessable("keyResultIds", e.getMessage());
        }
        if (!missing.isEmpty()) {
            throw ProblemException.unprocessable("keyResultIds", "Key result(s) " + missing.stream()
                    .map(UUID::toString).collect(Collectors.joining(", ")) + " do not exist");
        }
    }

    private static void checkBudget(Money budget) {
        if (budget != null) {
            Currencies.check("budget.currency", budget.currency());
        }
    }

    private static void setBudget(Project project, Money budget) {
        project.budgetAmount = budget == null ? null : budget.amount();
        project.budgetCurrency = budget == null ? null : budget.currency();
    }

    private static void checkDates(LocalDate start, LocalDate due) {
        if (start != null && due != null && due.isBefore(start)) {
            throw ProblemException.invalid("dueDate", "must not be before startDate");
        }
    }

    private static List<UUID> distinct(List<UUID> ids) {
        return ids == null ? List.of() : List.copyOf(new LinkedHashSet<>(ids.stream().filter(Objects::nonNull).toList()));
    }
}
