package org.automations.flow;

import java.time.Duration;
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
    private boolean threaded;
    private int maxAttempts = 1;
    private Duration backoff = Duration.ZERO;

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
     * Runs the work in the background (the spec's {@code threaded=True}): on the container's
     * managed executor, in its own transaction, after the step that reached the node committed.
     * The path continues when the work is done; its errors are recorded like any other.
     */
    public Execute threaded() {
        threaded = true;
        return this;
    }

    /**
     * Tries the work up to {@code maxAttempts} times in all; before attempt n+1 it waits
     * {@code backoff} × 2^(n-1). Each failed attempt stays in the history; after the last one the
     * node fails (or continues at {@code onError}).
     *
     * <pre>{@code
     * final Execute charge = execute(this::charge).retry(4, Duration.ofMinutes(1));   // waits 1, 2, 4 minutes
     * }</pre>
     */
    public Execute retry(int maxAttempts, Duration backoff) {
        Objects.requireNonNull(backoff, "backoff");
        once(this.maxAttempts > 1 ? Boolean.TRUE : null, "retry");
        if (maxAttempts < 2) {
            definitionError("retry(" + maxAttempts + ", ...) needs at least 2 attempts");
        }
        if (backoff.isNegative()) {
            definitionError("retry(..., " + backoff + ") needs a backoff that is not negative");
        }
        this.maxAttempts = Math.max(1, maxAttempts);
        this.backoff = backoff;
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

    public final boolean isThreaded() {
        return threaded;
    }

    /** Attempts in all; 1 without a retry policy. */
    public final int getMaxAttempts() {
        return maxAttempts;
    }

    /** How long to wait before the attempt after {@code attempt}. */
    public final Duration backoffAfter(int attempt) {
        return backoff.multipliedBy(1L << Math.min(30, Math.max(0, attempt - 1)));
    }
}
