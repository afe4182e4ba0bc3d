package org.automations.engine;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.automations.flow.Automation;
import org.automations.flow.Form;
import org.automations.flow.ModelForm;
import org.automations.flow.Node;
import org.automations.flow.TaskValue;
import org.automations.persistence.AutomationModel;
import org.automations.persistence.AutomationState;
import org.automations.persistence.AutomationTaskModel;

/**
 * The engine's core: starts automation instances and runs them node by node, recording a task per
 * node; delivers messages; completes form tasks; deletes history. It works inside whatever
 * transaction its caller opened on the given {@link EntityManager}, so the same code runs in the
 * container (JTA, one transaction per instance) and in plain unit tests. It reads time only from
 * its {@link Clock}.
 */
public final class AutomationEngine {

    private static final SecureRandom KEYS = new SecureRandom();
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(AutomationEngine.class.getName());
    private static final Map<jakarta.persistence.EntityManagerFactory, Boolean> SKIP_LOCKED =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());
    static final int DELETE_BATCH = 500;
    private static final int FORM_TASK_PAGE = 200;

    private final EntityManager em;
    private final Clock clock;
    private final AutomationRegistry registry;
    private final AutomationFactory factory;
    private final BooleanSupplier rollbackOnly;
    private final AsyncDispatcher dispatcher;
    private final Messenger messenger;

    /**
     * @param rollbackOnly tells whether the current transaction is marked for rollback (then a
     *                     failure is reported with {@link StepRolledBackException} instead of being
     *                     recorded in a transaction that will not commit)
     */
    public AutomationEngine(EntityManager em, Clock clock, AutomationRegistry registry, AutomationFactory factory,
                            BooleanSupplier rollbackOnly) {
        this(em, clock, registry, factory, rollbackOnly, AsyncDispatcher.NONE);
    }

    /** @param dispatcher hands threaded work ({@code execute(...).threaded()}) to an executor */
    public AutomationEngine(EntityManager em, Clock clock, AutomationRegistry registry, AutomationFactory factory,
                            BooleanSupplier rollbackOnly, AsyncDispatcher dispatcher) {
        this.em = em;
        this.clock = clock;
        this.registry = registry;
        this.factory = factory;
        this.rollbackOnly = rollbackOnly;
        this.dispatcher = dispatcher;
        this.messenger = new Messenger(this, em);
    }

    // ---------------------------------------------------------------- starting and running

    /**
     * Starts an instance: stores it with its data (JPA entities among the values are stored by
     * id), creates the task of its first node, hands the starting event (if any) to the
     * automation's {@code @OnStart} method, and runs it if {@code autorun}. A {@code @Unique}
     * automation returns its running instance instead of starting a second one.
     *
     * @param data JSON-serialisable start parameters, stored in the instance's data
     */
    public AutomationModel start(Class<? extends Automation> type, Map<String, ?> data, Object event, boolean autorun) {
        AutomationDefinition definition = registry.get(type);
        Instant now = clock.instant();
        AutomationModel model = new AutomationModel(definition.className(), now);
        model.setKey(HexFormat.of().formatHex(randomKey()));
        model.setDueAt(now);
        InstanceBinding binding = new InstanceBinding(model, em);
        Automation automation = factory.create(definition.type());
        try {
            binding.attach(automation);
            Map<String, Object> values = binding.data();
            values.putAll(data == null ? Map.of() : data);
            storeEntitiesById(values, automation);
            binding.writeBack();
            if (definition.uniqueBy() != null) {
                String uniqueKey = uniqueKey(definition, values);
                List<AutomationModel> running = em.createNamedQuery(AutomationModel.BY_UNIQUE_KEY, AutomationModel.class)
                        .setParameter("uniqueKey", uniqueKey)
                        .getResultList();
                if (!running.isEmpty()) {
                    return running.get(0);
                }
                model.setUniqueKey(uniqueKey);
            }
            em.persist(model);
            if (model.getUniqueKey() != null) {
                flushUnique(definition, model);
            }
            AutomationTaskModel first = new AutomationTaskModel(model, definition.firstNode().name(), null, now);
            em.persist(first);
            if (event != null && definition.onStart() != null) {
                invokeOnStart(definition, automation, event);
                binding.writeBack();
            }
            if (autorun) {
                // the new instance's only open task is its first: no query for it (which would
                // flush the two inserts, and have them updated again at commit)
                interpreter(definition, automation, binding).runStarted(first);
            }
        } finally {
            factory.release(automation);
        }
        return model;
    }

    /**
     * Runs an instance until it finishes, fails, or every open path waits (for a time, a condition
     * or a person). Returns the name of the node where it stopped.
     *
     * @throws IllegalStateException if the instance is finished or failed
     */
    public String run(AutomationModel model) {
        AutomationDefinition definition = definitionOf(model);
        if (definition == null) {
            model.setDueAt(null);
            return null;
        }
        return withAutomation(model, definition, (automation, binding) -> interpreter(definition, automation, binding).run());
    }

    /** Ids of the running instances whose due time has passed, earliest first. */
    public List<Long> dueInstanceIds(int max) {
        return em.createNamedQuery(AutomationModel.DUE_IDS, Long.class)
                .setParameter("now", clock.instant())
                .setMaxResults(max)
                .getResultList();
    }

    /**
     * Locks the instance's row and runs it if it is still due. Two servers (or the timer and an
     * administrator) that reach for the same instance run it one after the other; the second finds
     * it no longer due.
     *
     * @return whether it ran
     */
    public boolean runIfDue(long id) {
        AutomationModel model = em.find(AutomationModel.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (model == null || model.getState() != AutomationState.RUNNING || model.getDueAt() == null
                || model.getDueAt().isAfter(clock.instant())) {
            return false;
        }
        run(model);
        return true;
    }

    /**
     * Claims up to {@code max} due instances for {@code owner} until now + {@code lease}, in the
     * caller's transaction (which should commit at once so other servers see the claim). A bulk
     * conditional update does the claiming: of two servers claiming the same instance, the
     * database lets one update win and the other's condition fails. Claims that lapsed (their server
     * died mid-step) are claimed again.
     *
     * @return the ids this owner now holds, earliest due first
     */
    public List<Long> claimDue(String owner, Duration lease, int max) {
        Instant now = clock.instant();
        if (skipLocked()) {
            return claimSkippingLocked(owner, now, now.plus(lease), max);
        }
        List<Long> due = em.createNamedQuery(AutomationModel.DUE_UNCLAIMED_IDS, Long.class)
                .setParameter("now", now)
                .setMaxResults(max)
                .getResultList();
        if (due.isEmpty()) {
            return due;
        }
        em.createNamedQuery(AutomationModel.CLAIM)
                .setParameter("owner", owner)
                .setParameter("until", now.plus(lease))
                .setParameter("now", now)
                .setParameter("ids", due)
                .executeUpdate();
        return em.createNamedQuery(AutomationModel.CLAIMED_IDS, Long.class)
                .setParameter("owner", owner)
                .setParameter("ids", due)
                .getResultList();
    }

    /**
     * PostgreSQL: one statement claims the due rows that no other transaction holds, without
     * waiting for those that another server is claiming at the same moment.
     */
    private List<Long> claimSkippingLocked(String owner, Instant now, Instant until, int max) {
        List<?> rows = em.createNativeQuery("UPDATE ATM_AUTOMATION SET CLAIMED_BY = ?1, CLAIM_EXPIRES = ?2, VERSION = VERSION + 1"
                        + " WHERE ID IN (SELECT ID FROM ATM_AUTOMATION WHERE DUE_AT <= ?3 AND STATE = 'RUNNING'"
                        + " AND (CLAIM_EXPIRES IS NULL OR CLAIM_EXPIRES < ?3) ORDER BY DUE_AT, ID LIMIT ?4"
                        + " FOR UPDATE SKIP LOCKED) RETURNING ID")
                .setParameter(1, owner)
                .setParameter(2, java.sql.Timestamp.from(until))
                .setParameter(3, java.sql.Timestamp.from(now))
                .setParameter(4, max)
                .getResultList();
        return rows.stream().map(id -> ((Number) id).longValue()).sorted().toList();
    }

    /** Whether the database offers {@code FOR UPDATE SKIP LOCKED} (PostgreSQL); asked once per persistence unit. */
    private boolean skipLocked() {
        return SKIP_LOCKED.computeIfAbsent(em.getEntityManagerFactory(), factory -> {
            try {
                java.sql.Connection connection = em.unwrap(java.sql.Connection.class);
                boolean postgres = connection != null
                        && connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgresql");
                LOG.info(() -> "Automations: claims " + (postgres ? "use FOR UPDATE SKIP LOCKED" : "use a conditional update"));
                return postgres;
            } catch (RuntimeException | java.sql.SQLException e) {
                LOG.info(() -> "Automations: claims use a conditional update (" + e + ")");
                return false;
            }
        });
    }

    /**
     * Runs an instance this owner claimed, if it is still due, and releases the claim; all in the
     * caller's transaction, holding the instance's row lock.
     *
     * @return whether it ran
     */
    public boolean runClaimed(long id, String owner) {
        AutomationModel model = em.find(AutomationModel.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (model == null || !owner.equals(model.getClaimedBy())) {
            return false;
        }
        model.releaseClaim();
        if (model.getState() != AutomationState.RUNNING || model.getDueAt() == null
                || model.getDueAt().isAfter(clock.instant())) {
            return false;
        }
        run(model);
        return true;
    }

    /**
     * Runs the threaded work of a task that was handed to the executor, and continues the
     * instance; in the caller's transaction, holding the instance's row lock.
     *
     * @return whether the work ran (false if the task was done or the instance stopped meanwhile)
     */
    public boolean runThreaded(long taskId) {
        AutomationTaskModel task = em.find(AutomationTaskModel.class, taskId);
        if (task == null) {
            return false;
        }
        AutomationModel model = em.find(AutomationModel.class, task.getAutomation().getId(), LockModeType.PESSIMISTIC_WRITE);
        em.refresh(task);
        AutomationDefinition definition = definitionOf(model);
        if (!task.isOpen() || task.getAsyncSince() == null || model.getState() != AutomationState.RUNNING
                || definition == null) {
            return false;
        }
        withAutomation(model, definition, (automation, binding) ->
                new Interpreter(this, em, clock, rollbackOnly, dispatcher, taskId, definition, automation, binding).run());
        return true;
    }

    /**
     * Records a failure that happened in a transaction that was rolled back (see
     * {@link StepRolledBackException}); call it in a new transaction.
     */
    public void recordFailure(long automationId, String node, String message, String errorResult) {
        AutomationModel model = em.find(AutomationModel.class, automationId, LockModeType.PESSIMISTIC_WRITE);
        if (model == null) {
            return;
        }
        AutomationTaskModel task = em.createNamedQuery(AutomationTaskModel.OPEN_OF_AUTOMATION, AutomationTaskModel.class)
                .setParameter("automation", model)
                .getResultList().stream()
                .filter(t -> t.getStatus().equals(node))
                .findFirst()
                .orElse(null);
        if (task == null) {
            task = new AutomationTaskModel(model, node, null, clock.instant());
            em.persist(task);
        }
        task.finish(clock.instant(), message, errorResult);
        model.setState(AutomationState.FAILED);
        model.setFailedTaskId(task.getId());
        model.setDueAt(null);
        model.releaseClaim();
        model.setUpdated(clock.instant());
    }

    /**
     * Retries a failed instance from its failed node: a new task for that node follows the failed
     * one (the history shows both attempts), and the instance runs again.
     *
     * @return the node where it stopped
     * @throws IllegalStateException if the instance is not failed
     */
    public String retry(long id) {
        AutomationModel model = em.find(AutomationModel.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (model == null) {
            throw new IllegalArgumentException("There is no automation instance " + id);
        }
        if (model.getState() != AutomationState.FAILED || model.getFailedTaskId() == null) {
            throw new IllegalStateException("Automation instance " + id + " is " + model.getState() + ", not failed; only a failed instance can be retried");
        }
        AutomationTaskModel failed = em.find(AutomationTaskModel.class, model.getFailedTaskId());
        AutomationTaskModel again = new AutomationTaskModel(model, failed.getStatus(), failed.getId(), clock.instant());
        again.setSplitTaskId(failed.getSplitTaskId());
        em.persist(again);
        model.setState(AutomationState.RUNNING);
        model.setFailedTaskId(null);
        model.setDueAt(clock.instant());
        return run(model);
    }

    /**
     * Open tasks that stand on a node their automation no longer has, or whose automation class is
     * no longer deployed (after a redeploy): they wait until someone adds the node back or kills
     * the instance.
     */
    public List<AutomationTaskModel> strandedTasks() {
        List<AutomationTaskModel> stranded = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        for (AutomationDefinition definition : registry.all()) {
            classes.add(definition.className());
            stranded.addAll(em.createNamedQuery(AutomationTaskModel.OPEN_ON_OTHER_NODES, AutomationTaskModel.class)
                    .setParameter("automationClass", definition.className())
                    .setParameter("nodes", definition.nodes().stream().map(AutomationDefinition.NodeDefinition::name).toList())
                    .getResultList());
        }
        if (!classes.isEmpty()) {
            stranded.addAll(em.createNamedQuery(AutomationTaskModel.OPEN_OF_OTHER_CLASSES, AutomationTaskModel.class)
                    .setParameter("classes", classes)
                    .getResultList());
        }
        return stranded;
    }

    // ---------------------------------------------------------------- reading instances

    public AutomationModel find(long id) {
        return em.find(AutomationModel.class, id);
    }

    /** The instance with that key (the spec's {@code get_key()}), or {@code null}. */
    public AutomationModel findByKey(String key) {
        return em.createNamedQuery(AutomationModel.BY_KEY, AutomationModel.class)
                .setParameter("key", key)
                .getResultStream().findFirst().orElse(null);
    }

    public List<AutomationTaskModel> tasks(AutomationModel model) {
        return em.createNamedQuery(AutomationTaskModel.ALL_OF_AUTOMATION, AutomationTaskModel.class)
                .setParameter("automation", model)
                .getResultList();
    }

    /** Removes the instance and its tasks (the spec's {@code kill()}). */
    public boolean kill(long id) {
        AutomationModel model = em.find(AutomationModel.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (model == null) {
            return false;
        }
        em.createNamedQuery(AutomationTaskModel.DELETE_OF_AUTOMATIONS).setParameter("ids", List.of(id)).executeUpdate();
        em.remove(model);
        return true;
    }

    /** Deletes the instances finished more than {@code days} days ago, with their tasks, in batches. */
    public HistoryDeletion deleteHistory(int days) {
        HistoryDeletion total = new HistoryDeletion(0, 0);
        HistoryDeletion batch;
        do {
            batch = deleteHistoryBatch(days, DELETE_BATCH);
            total = new HistoryDeletion(total.automations() + batch.automations(), total.tasks() + batch.tasks());
        } while (batch.automations() > 0);
        return total;
    }

    /**
     * Deletes at most {@code max} of the instances finished more than {@code days} days ago, with
     * their tasks. The container runs each batch in a transaction of its own, so that deleting a
     * long history neither holds many locks nor grows one transaction without bound.
     */
    public HistoryDeletion deleteHistoryBatch(int days, int max) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative: " + days);
        }
        Instant before = clock.instant().minus(Duration.ofDays(days));
        List<Long> ids = em.createNamedQuery(AutomationModel.FINISHED_BEFORE, Long.class)
                .setParameter("before", before)
                .setMaxResults(max)
                .getResultList();
        if (ids.isEmpty()) {
            return new HistoryDeletion(0, 0);
        }
        long tasks = em.createNamedQuery(AutomationTaskModel.DELETE_OF_AUTOMATIONS).setParameter("ids", ids).executeUpdate();
        long automations = em.createNamedQuery(AutomationModel.DELETE_BY_IDS).setParameter("ids", ids).executeUpdate();
        em.clear();
        return new HistoryDeletion(automations, tasks);
    }

    // ---------------------------------------------------------------- messages

    /**
     * Sends a message to a running instance (the spec's {@code send_message}). Returns the
     * receiver's answer; {@code null} when the instance is unknown or not running, or the data does
     * not satisfy the receiver's requirements.
     *
     * @throws IllegalArgumentException if the automation has no receiver for the message
     */
    public Object sendMessage(long id, String message, String token, Map<String, ?> data) {
        return messenger.send(id, message, token, data, null, null);
    }

    /**
     * The spec's {@code dispatch_message}: the target is an instance id ({@link Number}) or key
     * ({@link String}); an unknown target returns {@code null}.
     */
    public Object dispatchMessage(Object idOrKey, String message, String token, Map<String, ?> data) {
        Long id = null;
        if (idOrKey instanceof Number number) {
            id = number.longValue();
        } else if (idOrKey instanceof String key) {
            AutomationModel model = findByKey(key);
            id = model == null ? null : model.getId();
        }
        return id == null ? null : sendMessage(id, message, token, data);
    }

    /** Sends to every running instance of the class until one answers {@code "received"}; returns the answers. */
    public List<Object> broadcastMessage(Class<? extends Automation> type, String message, String token, Map<String, ?> data) {
        return messenger.broadcast(type.getName(), message, token, data, null, null);
    }

    /**
     * Starts an instance and sends it the message before its first run (the spec's
     * {@code create_on_message}); a {@code @Unique} automation takes its unique parameters from
     * the data.
     */
    public AutomationModel createOnMessage(Class<? extends Automation> type, String message, String token,
                                           Map<String, ?> data) {
        AutomationDefinition definition = registry.get(type);
        Messenger.receiverOf(definition, message);
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (definition.uniqueBy() != null) {
            for (String name : definition.uniqueBy()) {
                // a missing one is left out, so that start(...) refuses it as for any start
                if (data != null && data.containsKey(name)) {
                    parameters.put(name, data.get(name));
                }
            }
        }
        AutomationModel model = start(type, parameters, null, false);
        sendMessage(model.getId(), message, token, data);
        if (model.getState() == AutomationState.RUNNING) {
            run(model);
        }
        return model;
    }

    /** Whether the data satisfies the requirements of the class's receiver of the message. */
    public boolean satisfiesDataRequirements(Class<? extends Automation> type, String message, Map<String, ?> data) {
        AutomationDefinition.Receiver receiver = registry.get(type).receiver(message);
        return receiver != null && Messenger.satisfies(receiver, data);
    }

    // ---------------------------------------------------------------- forms

    /** What a page needs to show a form task. */
    public record FormTask(AutomationTaskModel task, AutomationDefinition automation, Form form,
                           Map<String, Object> context, String templateName) {
    }

    /**
     * The open form task with that id, for a caller allowed to process it.
     *
     * @throws TaskNotAllowedException if there is no such open task or the caller may not process it
     * @throws TaskAlreadyCompletedException if it was completed already
     */
    public FormTask formTask(long taskId, Caller caller, Map<String, ?> configuredContext) {
        AutomationTaskModel task = openFormTask(taskId, caller);
        AutomationModel model = task.getAutomation();
        AutomationDefinition definition = definitionOf(model);
        return withAutomation(model, definition, (automation, binding) -> {
            Form form = formNode(definition, automation, task);
            Map<String, Object> context = new LinkedHashMap<>(configuredContext == null ? Map.of() : configuredContext);
            context.putAll(automation.formContext());
            context.putAll(form.getContext());
            String template = form.getTemplateName() != null ? form.getTemplateName() : definition.defaultTemplateName();
            return new FormTask(task, definition, form, context, template);
        });
    }

    /**
     * The values a form starts with: a new form object filled from the instance's data, or for a
     * model form the bound entity (a new one if the key is not set yet).
     */
    public Object formValues(long taskId, Caller caller) {
        AutomationTaskModel task = openFormTask(taskId, caller);
        AutomationModel model = task.getAutomation();
        AutomationDefinition definition = definitionOf(model);
        return withAutomation(model, definition, (automation, binding) -> {
            Form form = formNode(definition, automation, task);
            if (form instanceof ModelForm modelForm) {
                Object entity = automation.model(modelForm.getKey(), modelForm.getEntityClass());
                return entity != null ? entity : DefinitionReader.newObject(modelForm.getEntityClass());
            }
            return Json.fill(binding.data(), form.getFormClass());
        });
    }

    /**
     * Completes a form task with valid values (the caller validates them): stores them in the
     * data (a model form saves its entity and stores its id), records who and when in
     * {@code _<node>_validated}, and continues the instance in the same transaction.
     *
     * @throws TaskAlreadyCompletedException if someone completed it first
     * @throws TaskNotAllowedException if the caller may not process it
     */
    public String completeForm(long taskId, Object values, Caller caller) {
        AutomationTaskModel task = em.find(AutomationTaskModel.class, taskId);
        if (task == null || !task.isInteraction()) {
            throw new TaskNotAllowedException("There is no form task " + taskId);
        }
        // the row lock serialises concurrent submissions: the second sees the task finished
        AutomationModel model = em.find(AutomationModel.class, task.getAutomation().getId(), LockModeType.PESSIMISTIC_WRITE);
        em.refresh(task);
        if (!task.isOpen()) {
            throw new TaskAlreadyCompletedException(task.getCompletedBy());
        }
        if (model.getState() != AutomationState.RUNNING) {
            throw new TaskNotAllowedException("The automation of task " + taskId + " is " + model.getState());
        }
        if (!mayProcess(caller, task)) {
            throw new TaskNotAllowedException("You may not work on task " + taskId);
        }
        AutomationDefinition definition = definitionOf(model);
        return withAutomation(model, definition, (automation, binding) -> {
            Form form = formNode(definition, automation, task);
            if (form instanceof ModelForm modelForm) {
                EntityManager entities = automation.modelEntityManager();
                Object saved = entities.merge(values);
                entities.flush();
                binding.data().put(modelForm.getKey(),
                        entities.getEntityManagerFactory().getPersistenceUnitUtil().getIdentifier(saved));
            } else {
                binding.data().putAll(Json.toMap(values));
            }
            Map<String, Object> validated = new LinkedHashMap<>();
            validated.put("user", caller.name());
            validated.put("time", clock.instant().toString());
            binding.data().put("_" + task.getStatus() + "_validated", validated);
            task.finish(clock.instant(), "OK", null);
            task.setCompletedBy(caller.name());
            AutomationDefinition.NodeDefinition node = definition.node(task.getStatus());
            String next = form.getNext() != null ? form.getNext() : node.defaultNext();
            return interpreter(definition, automation, binding).continueAfter(task, next);
        });
    }

    /** Whether the caller may process the form task: user, group and every permission must hold; administrators always may. */
    public static boolean mayProcess(Caller caller, AutomationTaskModel task) {
        if (caller == null) {
            return false;
        }
        if (caller.isAdministrator()) {
            return true;
        }
        if (task.getInteractionUser() != null && !task.getInteractionUser().equals(caller.name())) {
            return false;
        }
        if (task.getInteractionGroup() != null && !caller.isInGroup(task.getInteractionGroup())) {
            return false;
        }
        if (task.getInteractionPermissions() != null) {
            for (String permission : task.getInteractionPermissions().split(",")) {
                if (!caller.hasPermission(permission)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The open form tasks of running instances that the caller may process, oldest first. */
    public List<AutomationTaskModel> openFormTasks(Caller caller) {
        return openFormTasks(caller, Integer.MAX_VALUE);
    }

    /**
     * The caller's first {@code max} open form tasks, oldest first. The database selects the tasks
     * of the caller's user name and groups (administrators: all), page by page; the permissions,
     * which all have to hold, are checked here.
     */
    public List<AutomationTaskModel> openFormTasks(Caller caller, int max) {
        List<AutomationTaskModel> tasks = new ArrayList<>();
        if (caller == null || max <= 0) {
            return tasks;
        }
        jakarta.persistence.TypedQuery<AutomationTaskModel> query;
        if (caller.isAdministrator()) {
            query = em.createNamedQuery(AutomationTaskModel.OPEN_INTERACTIONS, AutomationTaskModel.class);
        } else {
            java.util.Set<String> groups = caller.groups() == null || caller.groups().isEmpty()
                    ? java.util.Set.of("\u0000") : caller.groups();   // IN () is not valid SQL
            query = em.createNamedQuery(AutomationTaskModel.OPEN_INTERACTIONS_FOR, AutomationTaskModel.class)
                    .setParameter("user", caller.name())
                    .setParameter("groups", groups);
        }
        int page = Math.min(max, FORM_TASK_PAGE);
        for (int first = 0; tasks.size() < max; first += page) {
            List<AutomationTaskModel> rows = query.setFirstResult(first).setMaxResults(page).getResultList();
            for (AutomationTaskModel task : rows) {
                if (tasks.size() < max && mayProcess(caller, task)) {
                    tasks.add(task);
                }
            }
            if (rows.size() < page) {
                break;
            }
        }
        return tasks;
    }

    private AutomationTaskModel openFormTask(long taskId, Caller caller) {
        AutomationTaskModel task = em.find(AutomationTaskModel.class, taskId);
        if (task == null || !task.isInteraction() || !mayProcess(caller, task)) {
            throw new TaskNotAllowedException("There is no form task " + taskId + " for you");
        }
        if (!task.isOpen()) {
            throw new TaskAlreadyCompletedException(task.getCompletedBy());
        }
        return task;
    }

    private static Form formNode(AutomationDefinition definition, Automation automation, AutomationTaskModel task) {
        if (definition == null || definition.node(task.getStatus()) == null
                || !(definition.node(task.getStatus()).nodeOf(automation) instanceof Form form)) {
            throw new TaskNotAllowedException("Task " + task.getId() + " stands on node '" + task.getStatus()
                    + "', which is no form of a deployed automation");
        }
        return form;
    }

    // ---------------------------------------------------------------- shared with the interpreter and messenger

    AutomationDefinition definitionOf(AutomationModel model) {
        return registry.find(model.getAutomationClass());
    }

    AutomationRegistry registry() {
        return registry;
    }

    AutomationFactory factory() {
        return factory;
    }

    Messenger messenger() {
        return messenger;
    }

    /** The time before which the node must not run, or {@code null}. */
    Instant waitsUntil(Node<?> node, org.automations.flow.Task task) throws Exception {
        Instant until = null;
        TaskValue<Instant> untilValue = node.getAfterWaitingUntil();
        if (untilValue != null) {
            until = requireTime(untilValue.valueFor(task), "afterWaitingUntil");
        }
        TaskValue<Duration> forValue = node.getAfterWaitingFor();
        if (forValue != null) {
            Object duration = forValue.valueFor(task);
            if (!(duration instanceof Duration)) {
                throw new IllegalStateException("afterWaitingFor returned " + duration + "; return a java.time.Duration");
            }
            Instant after = task.created().plus((Duration) duration);
            until = until == null || after.isAfter(until) ? after : until;
        }
        return until;
    }

    private static Instant requireTime(Object value, String modifier) {
        if (!(value instanceof Instant instant)) {
            throw new IllegalStateException(modifier + " returned " + value + "; return a java.time.Instant");
        }
        return instant;
    }

    static String errorResult(Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        return Json.write(Map.of("error", trace.toString()));
    }

    private Interpreter interpreter(AutomationDefinition definition, Automation automation, InstanceBinding binding) {
        return new Interpreter(this, em, clock, rollbackOnly, dispatcher, null, definition, automation, binding);
    }

    private interface WithAutomation<T> {
        T apply(Automation automation, InstanceBinding binding);
    }

    private <T> T withAutomation(AutomationModel model, AutomationDefinition definition, WithAutomation<T> work) {
        InstanceBinding binding = new InstanceBinding(model, em);
        Automation automation = factory.create(definition.type());
        try {
            binding.attach(automation);
            return work.apply(automation, binding);
        } finally {
            factory.release(automation);
        }
    }

    private static void invokeOnStart(AutomationDefinition definition, Automation automation, Object event) {
        try {
            definition.onStart().invoke(automation, event);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("@OnStart of " + definition.className() + " failed: " + cause, cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot call @OnStart of " + definition.className(), e);
        }
    }

    /** JPA entities among the start parameters are stored by id (the spec's model binding). */
    private static void storeEntitiesById(Map<String, Object> values, Automation automation) {
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            Object value = entry.getValue();
            if (value != null && value.getClass().isAnnotationPresent(jakarta.persistence.Entity.class)) {
                Object id = automation.modelEntityManager().getEntityManagerFactory().getPersistenceUnitUtil()
                        .getIdentifier(value);
                if (id == null) {
                    throw new IllegalArgumentException("The entity given as '" + entry.getKey()
                            + "' has no id yet; persist it before starting the automation");
                }
                entry.setValue(id);
            }
        }
    }

    private static String uniqueKey(AutomationDefinition definition, Map<String, Object> values) {
        List<Object> identifying = new ArrayList<>();
        for (String name : definition.uniqueBy()) {
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("Automation " + definition.className() + " is unique by "
                        + definition.uniqueBy() + "; start it with data containing '" + name + "'");
            }
            identifying.add(values.get(name));
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(
                    (definition.className() + "|" + Json.write(identifying)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void flushUnique(AutomationDefinition definition, AutomationModel model) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw new IllegalStateException("Another instance of the unique automation " + definition.className()
                    + " was started at the same time; this start was refused", e);
        }
    }

    private static byte[] randomKey() {
        byte[] key = new byte[16];
        KEYS.nextBytes(key);
        return key;
    }
}
