package org.automations.flow;

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

    /** A stable key that identifies the instance, usable in a URL. */
    public final String key() {
        requireBound();
        return handle.key();
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
