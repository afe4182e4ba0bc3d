package org.automations.flow;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A node of an automation: a field of an {@link Automation} subclass. The field's name is the
 * node's name; declaration order is execution order. Modifiers return the node itself, so they
 * chain:
 *
 * <pre>{@code
 * final Execute sendReplayOffer = execute(this::sendReplayMail)
 *         .afterWaitingFor(Duration.ofMinutes(150))
 *         .next("end");
 * }</pre>
 *
 * <p>A modifier the spec allows once per node, given twice, is a definition error reported at
 * deployment with the automation's and the node's names.
 *
 * @param <N> the node's own type, returned by the modifiers
 */
public abstract class Node<N extends Node<N>> {

    /** Field initialisers run in declaration order, so creation order is declaration order. */
    private static final AtomicLong CREATION_COUNTER = new AtomicLong();

    private final long creationOrder = CREATION_COUNTER.incrementAndGet();
    private final List<String> definitionErrors = new ArrayList<>();
    private String description = "";
    private String next;
    private TaskValue<Instant> waitUntil;
    private TaskValue<Duration> waitFor;
    private final List<TaskCondition> asSoonAs = new ArrayList<>();
    private final List<TaskCondition> skipIf = new ArrayList<>();
    private Duration skipAfter;

    /** Continue with the named node after this one, instead of the next one in declaration order. */
    public N next(String nodeName) {
        Objects.requireNonNull(nodeName, "nodeName");
        once(next, "next");
        next = nodeName;
        return self();
    }

    /** Do not execute this node before the given time. */
    public N afterWaitingUntil(Instant time) {
        Objects.requireNonNull(time, "time");
        return afterWaitingUntil(task -> time);
    }

    /**
     * Do not execute this node before the time the function returns; the function is asked when
     * the automation arrives at the node and again on each later run while it waits.
     */
    public N afterWaitingUntil(TaskValue<Instant> time) {
        Objects.requireNonNull(time, "time");
        once(waitUntil, "afterWaitingUntil");
        waitUntil = time;
        return self();
    }

    /** Do not execute this node before the given duration has passed since the task was created. */
    public N afterWaitingFor(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        return afterWaitingFor(task -> duration);
    }

    /** As {@link #afterWaitingFor(Duration)}, with the duration computed from the task. */
    public N afterWaitingFor(TaskValue<Duration> duration) {
        Objects.requireNonNull(duration, "duration");
        once(waitFor, "afterWaitingFor");
        waitFor = duration;
        return self();
    }

    /**
     * Wait until the condition holds; it is checked when the automation arrives at the node and
     * again on each later run. Several conditions must all hold.
     */
    public N asSoonAs(TaskCondition condition) {
        asSoonAs.add(Objects.requireNonNull(condition, "condition"));
        return self();
    }

    /** As {@link #asSoonAs(TaskCondition)} with a fixed value. */
    public N asSoonAs(boolean condition) {
        return asSoonAs(task -> condition);
    }

    /**
     * Leave the node unprocessed (task message {@code skipped}) if the condition holds. Skipping
     * takes precedence over waits and conditions. Several conditions: any one skips.
     */
    public N skipIf(TaskCondition condition) {
        skipIf.add(Objects.requireNonNull(condition, "condition"));
        return self();
    }

    /** As {@link #skipIf(TaskCondition)} with a fixed value. */
    public N skipIf(boolean condition) {
        return skipIf(task -> condition);
    }

    /**
     * Skip the node once the duration has passed since its task was created, e.g. to stop waiting
     * for a person after three days.
     */
    public N skipAfter(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        once(skipAfter, "skipAfter");
        skipAfter = duration;
        return self();
    }

    /** What this node is for, shown in task lists and histories. */
    public N description(String text) {
        description = Objects.requireNonNull(text, "text");
        return self();
    }

    /** Records a definition error if a one-time modifier was already given. */
    protected final void once(Object current, String modifier) {
        if (current != null) {
            definitionErrors.add(modifier + "(...) is given twice; give it once");
        }
    }

    /** Records a definition error, reported at deployment with the automation and node names. */
    protected final void definitionError(String problem) {
        definitionErrors.add(problem);
    }

    @SuppressWarnings("unchecked")
    protected final N self() {
        return (N) this;
    }

    /** The node kind as shown in histories and diagrams, e.g. {@code Execute}. */
    public String kind() {
        return getClass().getSimpleName();
    }

    public final long creationOrder() {
        return creationOrder;
    }

    public final List<String> definitionErrors() {
        return Collections.unmodifiableList(definitionErrors);
    }

    public final String getDescription() {
        return description;
    }

    public final String getNext() {
        return next;
    }

    public final TaskValue<Instant> getAfterWaitingUntil() {
        return waitUntil;
    }

    public final TaskValue<Duration> getAfterWaitingFor() {
        return waitFor;
    }

    public final List<TaskCondition> getAsSoonAs() {
        return Collections.unmodifiableList(asSoonAs);
    }

    public final List<TaskCondition> getSkipIf() {
        return Collections.unmodifiableList(skipIf);
    }

    public final Duration getSkipAfter() {
        return skipAfter;
    }

    /**
     * The names of the nodes this node may continue with, besides the next one in declaration
     * order (used by the definition checks and the diagram).
     */
    public java.util.List<String> targets() {
        return next == null ? List.of() : List.of(next);
    }

    /** Whether the path continues with the next node in declaration order when no target applies. */
    public boolean continuesInOrder() {
        return next == null;
    }
}
