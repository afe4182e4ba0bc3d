package org.automations.flow;

import java.util.Objects;

/**
 * Runs work: a method of the automation, a lambda, or a method of an injected bean. Without work
 * it is a no-op. On success the task's message is {@code OK} and a JSON-serialisable result is
 * stored on the task.
 *
 * <pre>{@code
 * final Execute start = execute(this::init);
 * final Execute noop = execute();
 * }</pre>
 *
 * <p>Subclass it to name a kind of work (the spec's {@code SendMail}):
 *
 * <pre>{@code
 * public class SendMail extends Execute {
 *     private final String template;
 *     public SendMail(String template) { this.template = template; }
 *     @Override protected Object method(Task task) { mailer.send(template, task.data()); return null; }
 * }
 * }</pre>
 */
public class Execute extends Node<Execute> {

    private final TaskFunction work;
    private String onError;

    /** A no-op, or a subclass that overrides {@link #method(Task)}. */
    public Execute() {
        this.work = null;
    }

    public Execute(TaskAction work) {
        Objects.requireNonNull(work, "work");
        this.work = task -> {
            work.run(task);
            return null;
        };
    }

    public Execute(TaskFunction work) {
        this.work = Objects.requireNonNull(work, "work");
    }

    /** Where to continue when the work throws; without it the instance stops, failed. */
    public Execute onError(String nodeName) {
        Objects.requireNonNull(nodeName, "nodeName");
        once(onError, "onError");
        onError = nodeName;
        return this;
    }

    /**
     * The work of this node. Subclasses override it; the default runs the work given to the
     * constructor, or nothing.
     *
     * @return the result to store on the task, or {@code null}
     */
    protected Object method(Task task) throws Exception {
        return work == null ? null : work.apply(task);
    }

    /** Called by the engine. */
    public final Object executeFor(Task task) throws Exception {
        return method(task);
    }

    public final String getOnError() {
        return onError;
    }
}
