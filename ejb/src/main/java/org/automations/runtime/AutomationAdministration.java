package org.automations.runtime;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.automations.engine.AutomationDefinition;
import org.automations.engine.HistoryDeletion;
import org.automations.engine.Json;
import org.automations.flow.Automation;
import org.automations.persistence.AutomationModel;
import org.automations.persistence.AutomationState;
import org.automations.persistence.AutomationTaskModel;

/**
 * What the administrators' pages read and do: the dashboard's counts per automation class, the
 * failed instances, histories and tracebacks, and the administrator's actions (step now, delete
 * history, retry, kill). Every method needs the role {@value #ADMIN}, checked by the container
 * whatever page or client calls it; the actions delegate to {@link AutomationService}.
 */
@Stateless
@LocalBean
@DeclareRoles(AutomationAdministration.ADMIN)
@RolesAllowed(AutomationAdministration.ADMIN)
public class AutomationAdministration {

    public static final String ADMIN = "automations-admin";

    private static final Logger LOG = Logger.getLogger(AutomationAdministration.class.getName());

    /** Instances per class and state, created since a time. */
    static final String COUNTS_SINCE = "SELECT a.automationClass, a.state, COUNT(a) FROM AutomationModel a"
            + " WHERE a.created >= :since GROUP BY a.automationClass, a.state";
    /** The instances of a class created since a time, newest first (for the class's dashboard context). */
    static final String INSTANCES_OF_CLASS_SINCE = "SELECT a FROM AutomationModel a"
            + " WHERE a.automationClass = :automationClass AND a.created >= :since ORDER BY a.id DESC";
    /** Failed instances grouped by class. */
    static final String FAILED = "SELECT a FROM AutomationModel a WHERE a.state = "
            + "org.automations.persistence.AutomationState.FAILED ORDER BY a.automationClass, a.id DESC";
    /** Tasks by id (the failed tasks of the failed instances). */
    static final String TASKS_BY_ID = "SELECT t FROM AutomationTaskModel t WHERE t.id IN :ids";
    /** A task with its instance. */
    static final String TASK = "SELECT t FROM AutomationTaskModel t JOIN FETCH t.automation WHERE t.id = :id";
    /** How many instances a step would run now. */
    static final String DUE_COUNT = "SELECT COUNT(a) FROM AutomationModel a WHERE a.state = "
            + "org.automations.persistence.AutomationState.RUNNING AND a.dueAt <= :now";
    /** How many instances a history deletion would remove. */
    static final String FINISHED_BEFORE_COUNT = "SELECT COUNT(a) FROM AutomationModel a WHERE a.state = "
            + "org.automations.persistence.AutomationState.FINISHED AND a.updated < :before";

    /** A dashboard row: one automation class, deployed or not, and its instances in the period. */
    public record ClassCounts(String className, AutomationDefinition definition, long running, long finished,
                              long failed) {

        public long total() {
            return running + finished + failed;
        }

        /** Instances in the database whose class is no longer deployed. */
        public boolean obsolete() {
            return definition == null;
        }

        public String verboseName() {
            return definition == null ? className : definition.verboseName();
        }

        public String simpleName() {
            int dot = className.lastIndexOf('.');
            return dot < 0 ? className : className.substring(dot + 1);
        }
    }

    /** A dashboard item: the counts, the class's own template (or {@code null}) and its context. */
    public record DashboardItem(ClassCounts counts, String template, Map<String, Object> context) {
    }

    /** A failed instance with the task that failed. */
    public record FailedInstance(AutomationModel instance, AutomationDefinition definition,
                                 AutomationTaskModel failedTask) {
    }

    /** A task with its instance's id and class (read in the transaction, so nothing lazy is left). */
    public record TaskView(AutomationTaskModel task, long automationId, String automationClass) {
    }

    @PersistenceContext(unitName = "automations")
    EntityManager em;

    @EJB
    AutomationService automations;

    @Inject
    EngineClock clock;

    @Inject
    CdiAutomationFactory factory;

    // ---------------------------------------------------------------- reading

    /** The engine's current time. */
    public Instant now() {
        return clock.clock().instant();
    }

    /**
     * The dashboard: per automation class (deployed classes first, in name order, then the
     * obsolete ones), its instances created in the last {@code days} days (all for 0), with its own
     * template and context where it has one.
     */
    public List<DashboardItem> dashboard(int days) {
        Instant since = days <= 0 ? Instant.EPOCH : now().minus(Duration.ofDays(days));
        Map<String, long[]> counts = new HashMap<>();
        for (Object[] row : em.createQuery(COUNTS_SINCE, Object[].class).setParameter("since", since).getResultList()) {
            long[] perState = counts.computeIfAbsent((String) row[0], c -> new long[3]);
            perState[((AutomationState) row[1]).ordinal()] += ((Number) row[2]).longValue();
        }
        Map<String, AutomationDefinition> deployed = new LinkedHashMap<>();
        automations.automations().stream()
                .sorted(Comparator.comparing(AutomationDefinition::verboseName, String.CASE_INSENSITIVE_ORDER))
                .forEach(definition -> deployed.put(definition.className(), definition));
        List<DashboardItem> items = new ArrayList<>();
        for (AutomationDefinition definition : deployed.values()) {
            long[] c = counts.getOrDefault(definition.className(), new long[3]);
            ClassCounts row = new ClassCounts(definition.className(), definition,
                    c[AutomationState.RUNNING.ordinal()], c[AutomationState.FINISHED.ordinal()], c[AutomationState.FAILED.ordinal()]);
            String template = definition.dashboardTemplate();
            Map<String, Object> context = template == null ? Map.of() : dashboardContext(definition, since);
            items.add(new DashboardItem(row, template, context));
        }
        counts.keySet().stream()
                .filter(className -> !deployed.containsKey(className))
                .sorted()
                .forEach(className -> {
                    long[] c = counts.get(className);
                    items.add(new DashboardItem(new ClassCounts(className, null, c[AutomationState.RUNNING.ordinal()],
                            c[AutomationState.FINISHED.ordinal()], c[AutomationState.FAILED.ordinal()]), null, Map.of()));
                });
        return items;
    }

    private Map<String, Object> dashboardContext(AutomationDefinition definition, Instant since) {
        List<AutomationModel> instances = em.createQuery(INSTANCES_OF_CLASS_SINCE, AutomationModel.class)
                .setParameter("automationClass", definition.className())
                .setParameter("since", since)
                .getResultList();
        Automation automation = factory.create(definition.type());
        try {
            Map<String, Object> context = automation.dashboardContext(instances);
            return context == null ? Map.of() : new LinkedHashMap<>(context);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The dashboard context of " + definition.className() + " failed", e);
            return Map.of();
        } finally {
            factory.release(automation);
        }
    }

    /** The failed instances, grouped by class (ordered by class name, newest first within a class). */
    public List<FailedInstance> failed() {
        List<AutomationModel> failed = em.createQuery(FAILED, AutomationModel.class).getResultList();
        List<Long> taskIds = failed.stream().map(AutomationModel::getFailedTaskId).filter(Objects::nonNull).toList();
        Map<Long, AutomationTaskModel> tasks = new HashMap<>();
        if (!taskIds.isEmpty()) {
            em.createQuery(TASKS_BY_ID, AutomationTaskModel.class).setParameter("ids", taskIds).getResultList()
                    .forEach(task -> tasks.put(task.getId(), task));
        }
        return failed.stream()
                .map(instance -> new FailedInstance(instance, automations.automation(instance.getAutomationClass()),
                        instance.getFailedTaskId() == null ? null : tasks.get(instance.getFailedTaskId())))
                .toList();
    }

    /** The instance, or {@code null}. */
    public AutomationModel instance(long id) {
        return em.find(AutomationModel.class, id);
    }

    /** The instance's tasks in the order they were created. */
    public List<AutomationTaskModel> tasks(long automationId) {
        return automations.tasks(automationId);
    }

    /** The task with its instance's id and class, or {@code null}. */
    public TaskView task(long taskId) {
        return em.createQuery(TASK, AutomationTaskModel.class).setParameter("id", taskId).getResultStream()
                .findFirst()
                .map(task -> new TaskView(task, task.getAutomation().getId(), task.getAutomation().getAutomationClass()))
                .orElse(null);
    }

    /** The stack trace a failed task stored (its result's {@code "error"}), or {@code null}. */
    public String traceback(long taskId) {
        AutomationTaskModel task = em.find(AutomationTaskModel.class, taskId);
        return task == null ? null : errorOf(task.getResult());
    }

    /** The {@code "error"} of a task's JSON result, or {@code null}. */
    public static String errorOf(String resultJson) {
        if (resultJson == null || resultJson.isBlank() || !resultJson.strip().startsWith("{")) {
            return null;
        }
        try {
            Object error = Json.readMap(resultJson).get("error");
            return error == null ? null : error.toString();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Open tasks standing on nodes (or classes) that are no longer deployed. */
    public List<AutomationTaskModel> strandedTasks() {
        return automations.strandedTasks();
    }

    /** The deployed automation of that class, or {@code null}. */
    public AutomationDefinition definition(String className) {
        return automations.automation(className);
    }

    /**
     * An unbound object of the automation class, to read its nodes (for the diagram), or
     * {@code null} if the class is not deployed. Its nodes' work must not be run.
     */
    public Automation blueprint(String className) {
        AutomationDefinition definition = automations.automation(className);
        if (definition == null) {
            return null;
        }
        Automation automation = factory.create(definition.type());
        factory.release(automation);
        return automation;
    }

    /** How many running instances are due now (what a step would take). */
    public long dueNow() {
        return em.createQuery(DUE_COUNT, Long.class).setParameter("now", now()).getSingleResult();
    }

    /** How many finished instances a history deletion of {@code days} would remove. */
    public long finishedBefore(int days) {
        return em.createQuery(FINISHED_BEFORE_COUNT, Long.class)
                .setParameter("before", now().minus(Duration.ofDays(days)))
                .getSingleResult();
    }

    // ---------------------------------------------------------------- actions

    /** Runs every due instance now; returns how many ran. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int step() {
        return automations.step();
    }

    /** Deletes the instances finished more than {@code days} days ago, with their tasks. */
    public HistoryDeletion deleteHistory(int days) {
        return automations.deleteHistory(days);
    }

    /** Retries a failed instance from its failed node; returns where it stopped. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public String retry(long id) {
        return automations.retry(id);
    }

    /** Removes the instance and its history. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public boolean kill(long id) {
        return automations.kill(id);
    }
}
