package org.automations.runtime;

import jakarta.annotation.Resource;
import jakarta.ejb.AsyncResult;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJBException;
import jakarta.ejb.LocalBean;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.automations.engine.AutomationDefinition;
import org.automations.engine.AutomationEngine;
import org.automations.engine.Caller;
import org.automations.engine.HistoryDeletion;
import org.automations.engine.StepRolledBackException;
import org.automations.flow.Automation;
import org.automations.persistence.AutomationModel;
import org.automations.persistence.AutomationState;
import org.automations.persistence.AutomationTaskModel;

/**
 * The engine's API in the container: start automations, step the due ones, send messages,
 * complete forms, read instances and their tasks. Each instance runs in its own transaction, so
 * one failing instance does not roll back the others of the same step.
 */
@Stateless
@LocalBean
public class AutomationService {

    /** Portable name within the application; the module name is fixed by META-INF/ejb-jar.xml. */
    public static final String JNDI_NAME = "java:app/automations-ejb/AutomationService!org.automations.runtime.AutomationService";

    private static final Logger LOG = Logger.getLogger(AutomationService.class.getName());

    @PersistenceContext(unitName = "automations")
    EntityManager em;

    @Inject
    EngineClock clock;

    @Inject
    AutomationExtension extension;

    @Inject
    CdiAutomationFactory factory;

    @Inject
    Validator validator;

    @Inject
    AutomationSettings settings;

    @Inject
    ThreadedWorkDispatcher dispatcher;

    @Resource
    SessionContext context;

    @Resource
    TransactionSynchronizationRegistry transactions;

    // ---------------------------------------------------------------- starting and running

    /**
     * Starts an instance of the automation with the given JSON-serialisable data (JPA entities are
     * stored by id) and runs it until it waits, in the caller's transaction. A {@code @Unique}
     * automation returns its running instance.
     */
    public AutomationModel start(Class<? extends Automation> type, Map<String, ?> data) {
        return engine().start(type, data, null, true);
    }

    /** As {@link #start(Class, Map)}; with {@code autorun} false the instance waits for the next step. */
    public AutomationModel start(Class<? extends Automation> type, Map<String, ?> data, boolean autorun) {
        return engine().start(type, data, null, autorun);
    }

    /** Starts an instance for a CDI event the automation is {@code @StartedBy}, in the firer's transaction. */
    public AutomationModel startOnEvent(Class<? extends Automation> type, Object event) {
        return engine().start(type, Map.of(), event, true);
    }

    /**
     * Runs every instance that is due, each in its own transaction (what the timer calls each
     * tick, and what an administrator may call at any time).
     *
     * @return how many instances ran
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int step() {
        AutomationService self = self();
        String owner = settings.serverId();
        int ran = 0;
        for (Long id : self.claimDue()) {
            try {
                if (self.runClaimed(id, owner)) {
                    ran++;
                }
            } catch (StepRolledBackException e) {
                self.recordFailure(e);
                ran++;
            } catch (EJBException e) {
                LOG.log(Level.WARNING, "Automation instance " + id + " could not be run; another server or the next"
                        + " tick takes it up when this server's claim lapses", e);
            }
        }
        return ran;
    }

    /** Claims this server's share of the due instances, in a transaction of its own so other servers see it. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Long> claimDue() {
        return engine().claimDue(settings.serverId(), settings.lease(), settings.stepBatch());
    }

    /** Runs one claimed instance if it is still due, holding its row lock, and releases the claim. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean runClaimed(long id, String owner) {
        return engine().runClaimed(id, owner);
    }

    /**
     * Runs the instance now, whether due or not, in its own transaction (the spec's {@code run()}).
     * Returns the node where it stopped.
     *
     * @throws IllegalStateException if it is finished or failed
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public String run(long id) {
        try {
            return self().runLocked(id);
        } catch (StepRolledBackException e) {
            self().recordFailure(e);
            return e.node();
        }
    }

    /**
     * Runs the threaded work of a task (called on the managed executor) and continues its instance,
     * in its own transaction; a failure that rolls it back is recorded like any other.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public boolean runThreaded(long taskId) {
        try {
            return self().runThreadedInTransaction(taskId);
        } catch (StepRolledBackException e) {
            self().recordFailure(e);
            return true;
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean runThreadedInTransaction(long taskId) {
        return engine().runThreaded(taskId);
    }

    /** Runs the instance in a new transaction and returns at once (the spec's {@code nice()}). */
    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Future<String> nice(long id) {
        return new AsyncResult<>(run(id));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public String runLocked(long id) {
        AutomationModel model = em.find(AutomationModel.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (model == null) {
            throw new IllegalArgumentException("There is no automation instance " + id);
        }
        return engine().run(model);
    }

    /** Records a failure whose own transaction was rolled back. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordFailure(StepRolledBackException failure) {
        LOG.log(Level.INFO, "Automation instance " + failure.automationId() + " failed at node " + failure.node()
                + " and its code rolled the step back; the failure is recorded", failure);
        engine().recordFailure(failure.automationId(), failure.node(), failure.getMessage(), failure.errorResult());
    }

    /**
     * Retries a failed instance from its failed node, in its own transaction; returns where it
     * stopped. A failure that rolls the retry back is recorded like any other.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public String retry(long id) {
        try {
            return self().retryInTransaction(id);
        } catch (StepRolledBackException e) {
            self().recordFailure(e);
            return e.node();
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public String retryInTransaction(long id) {
        return engine().retry(id);
    }

    // ---------------------------------------------------------------- instances

    /** Open tasks on nodes (or classes) that are no longer deployed; see {@link AutomationEngine#strandedTasks()}. */
    public List<AutomationTaskModel> strandedTasks() {
        return engine().strandedTasks();
    }

    public AutomationModel find(long id) {
        return em.find(AutomationModel.class, id);
    }

    /** The instance with that key, or {@code null}. */
    public AutomationModel findByKey(String key) {
        return engine().findByKey(key);
    }

    public boolean isFinished(long id) {
        AutomationModel model = find(id);
        return model != null && model.getState() == AutomationState.FINISHED;
    }

    /** Removes the instance and its history (the spec's {@code kill()}). */
    public boolean kill(long id) {
        return engine().kill(id);
    }

    /** The newest instances first. */
    public List<AutomationModel> newest(int max) {
        return em.createNamedQuery(AutomationModel.ALL_NEWEST_FIRST, AutomationModel.class)
                .setMaxResults(max)
                .getResultList();
    }

    /** The tasks of an instance in the order they were created. */
    public List<AutomationTaskModel> tasks(long automationId) {
        AutomationModel model = em.find(AutomationModel.class, automationId);
        return model == null ? List.of() : engine().tasks(model);
    }

    /**
     * Deletes the history of instances finished more than {@code days} days ago, in batches of
     * 500 instances, each batch in a transaction of its own.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public HistoryDeletion deleteHistory(int days) {
        long automations = 0;
        long tasks = 0;
        HistoryDeletion batch;
        do {
            batch = self().deleteHistoryBatch(days);
            automations += batch.automations();
            tasks += batch.tasks();
        } while (batch.automations() > 0);
        return new HistoryDeletion(automations, tasks);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public HistoryDeletion deleteHistoryBatch(int days) {
        return engine().deleteHistoryBatch(days, 500);
    }

    // ---------------------------------------------------------------- messages

    public Object sendMessage(long id, String message, String token, Map<String, ?> data) {
        return engine().sendMessage(id, message, token, data);
    }

    public Object dispatchMessage(Object idOrKey, String message, String token, Map<String, ?> data) {
        return engine().dispatchMessage(idOrKey, message, token, data);
    }

    public List<Object> broadcastMessage(Class<? extends Automation> type, String message, String token, Map<String, ?> data) {
        return engine().broadcastMessage(type, message, token, data);
    }

    public AutomationModel createOnMessage(Class<? extends Automation> type, String message, String token, Map<String, ?> data) {
        return engine().createOnMessage(type, message, token, data);
    }

    public boolean satisfiesDataRequirements(Class<? extends Automation> type, String message, Map<String, ?> data) {
        return engine().satisfiesDataRequirements(type, message, data);
    }

    // ---------------------------------------------------------------- forms

    /** The open form tasks of running instances that the caller may process. */
    public List<AutomationTaskModel> openFormTasks(Caller caller) {
        return engine().openFormTasks(caller);
    }

    /** The caller's first {@code max} open form tasks, oldest first (a page of the task list). */
    public List<AutomationTaskModel> openFormTasks(Caller caller, int max) {
        return engine().openFormTasks(caller, max);
    }

    public AutomationEngine.FormTask formTask(long taskId, Caller caller, Map<String, ?> configuredContext) {
        return engine().formTask(taskId, caller, configuredContext);
    }

    public Object formValues(long taskId, Caller caller) {
        return engine().formValues(taskId, caller);
    }

    /**
     * Validates the values with Bean Validation, then completes the form task and continues the
     * instance, all in one transaction.
     *
     * @throws ConstraintViolationException if the values are not valid (nothing is changed)
     */
    public String completeForm(long taskId, Object values, Caller caller) {
        Set<ConstraintViolation<Object>> violations = validator.validate(values);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return engine().completeForm(taskId, values, caller);
    }

    // ---------------------------------------------------------------- automation classes

    /** The deployed automations (the spec's {@code get_automations()}). */
    public Collection<AutomationDefinition> automations() {
        return extension.registry().all();
    }

    /** The deployed automations whose class is in the package or below it. */
    public List<AutomationDefinition> automations(String packageName) {
        return extension.registry().all().stream()
                .filter(definition -> definition.className().startsWith(packageName + "."))
                .toList();
    }

    /** The deployed automation of that class name, or {@code null}. */
    public AutomationDefinition automation(String className) {
        return extension.registry().find(className);
    }

    private AutomationService self() {
        return context.getBusinessObject(AutomationService.class);
    }

    private AutomationEngine engine() {
        return new AutomationEngine(em, clock.clock(), extension.registry(), factory,
                () -> transactions.getTransactionKey() != null && transactions.getRollbackOnly(), dispatcher);
    }
}
