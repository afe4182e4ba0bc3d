package org.automations.flow;

import jakarta.persistence.EntityManager;
import org.automations.persistence.AutomationModel;
import java.util.List;
import java.util.Map;

/**
 * Base class of every automation: a business process declared as a Java class whose fields are
 * nodes. Declaration order is execution order; the field's name is the node's name.
 *
 * <pre>{@code
 * @Meta(verboseName = "Webinar preparation")
 * @StartedBy(WebinarRegistration.class)
 * public class WebinarWorkflow extends Automation {
 *
 *     final Execute start = execute(this::init);
 *     final Execute sendWelcomeMail = execute(this::sendWelcomeMail);
 *     final Execute sendReminder = execute(this::sendReminder).afterWaitingUntil(this::reminderTime);
 *     final Execute sendReplayOffer = execute(this::sendReplay).afterWaitingFor(Duration.ofMinutes(150));
 *     final End end = end();
 *
 *     void init(Task task) { ... }
 * }
 * }</pre>
 *
 * <p>Automation classes are CDI beans (dependent scope), so they may {@code @Inject} services.
 * Injected fields are set after the node fields are initialised: reach injected beans from
 * lambdas or methods ({@code task -> mailer.send(task)}), not with a method reference on the
 * field ({@code mailer::send} would be evaluated while {@code mailer} is still {@code null}).
 * The class needs a no-argument constructor; the engine reads its nodes from an instance at
 * deployment.
 */
public abstract class Automation {

    private AutomationHandle handle;

    /** A node that runs the given work (a method reference of this class or a lambda). */
    protected static Execute execute(TaskAction work) {
        return new Execute(work);
    }

    /** A node that runs the given work and stores its JSON-serialisable result on the task. */
    protected static Execute execute(TaskFunction work) {
        return new Execute(work);
    }

    /** A node that does nothing (useful to keep a node name while removing its work). */
    protected static Execute execute() {
        return new Execute();
    }

    /** A node that finishes the instance. */
    protected static End end() {
        return new End();
    }

    /** A branch on a condition of the task (the spec's {@code If}). */
    protected static If when(TaskCondition condition) {
        return new If(condition);
    }

    /** A branch on a fixed value. */
    protected static If when(boolean condition) {
        return new If(condition);
    }

    /** Splits the path; add one {@code next(...)} per parallel path. */
    protected static Split split() {
        return new Split();
    }

    /** Waits for all paths of the split they came from. */
    protected static Join join() {
        return new Join();
    }

    /** Loops back to the first node, on the schedule given by its modifiers. */
    protected static Repeat repeat() {
        return new Repeat();
    }

    /** Loops back to the named node, on the schedule given by its modifiers. */
    protected static Repeat repeat(String start) {
        return new Repeat(start);
    }

    /** A task for a person: a form of the given class. */
    protected static Form form(Class<?> formClass) {
        return new Form(formClass);
    }

    /** A task for a person: edit the JPA entity whose id is in the data under {@code key}. */
    protected static ModelForm modelForm(Class<?> entityClass, String key) {
        return new ModelForm(entityClass, key);
    }

    /** Sends a message to every running instance of the class. */
    protected static SendMessage sendMessage(Class<? extends Automation> type, String message) {
        return SendMessage.toAll(type, message);
    }

    /** Sends a message to the instance whose id the function returns. */
    protected static SendMessage sendMessageTo(TaskValue<? extends Number> id, String message) {
        return SendMessage.toInstance(id, message);
    }

    /** The id of the instance this object runs, or {@code null} before it is bound to one. */
    public final Long id() {
        return handle == null ? null : handle.id();
    }

    /**
     * The instance's data, shared by all its tasks; changes are saved with the step that makes
     * them.
     */
    public final Map<String, Object> data() {
        requireBound();
        return handle.data();
    }

    /** Writes the data to the instance's row now (it is also written at the end of each step). */
    public final void save() {
        requireBound();
        handle.save();
    }

    /** A stable key that identifies the instance, usable in a URL (the spec's {@code get_key()}). */
    public final String key() {
        requireBound();
        return handle.key();
    }

    /**
     * The JPA entity bound under {@code key}: the data holds its id, the entity is read with
     * {@link #entityManager()}. {@code null} if the key is not set.
     */
    public final <T> T model(String key, Class<T> type) {
        requireBound();
        return handle.model(key, type);
    }

    /**
     * The entity manager for the entities bound to this automation (start parameters, model
     * forms). The default is the engine's own; an application whose entities live in its own
     * persistence unit overrides it:
     *
     * <pre>{@code
     * @PersistenceContext(unitName = "shop") EntityManager shop;
     * @Override protected EntityManager entityManager() { return shop; }
     * }</pre>
     */
    protected EntityManager entityManager() {
        requireBound();
        return handle.engineEntityManager();
    }

    /** Called by the engine: the entity manager for bound entities. */
    public final EntityManager modelEntityManager() {
        return entityManager();
    }

    /**
     * Values added to the template context of this automation's forms (the spec's class-level
     * {@code context}); a node's own context overrides them.
     */
    public Map<String, Object> formContext() {
        return Map.of();
    }

    /**
     * Values added to the context of this automation's dashboard item (the spec's
     * {@code get_dashboard_context}); it receives the instances shown.
     */
    public Map<String, Object> dashboardContext(List<AutomationModel> instances) {
        return Map.of();
    }

    /**
     * Binds this object to a persistent instance. Called by the engine once per object, before it
     * runs a node.
     */
    public final void bind(AutomationHandle handle) {
        if (this.handle != null && this.handle.id() != handle.id()) {
            throw new IllegalStateException("This automation object is already bound to instance " + this.handle.id());
        }
        this.handle = handle;
    }

    private void requireBound() {
        if (handle == null) {
            throw new IllegalStateException(getClass().getName() + " is not bound to an automation instance yet");
        }
    }
}
