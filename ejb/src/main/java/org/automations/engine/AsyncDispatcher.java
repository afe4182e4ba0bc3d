package org.automations.engine;

import java.time.Duration;

/**
 * Hands threaded work to an executor once the step that reached it has committed. The executor
 * then calls {@link AutomationEngine#runThreaded(long)} in a transaction of its own.
 */
public interface AsyncDispatcher {

    /** Schedules {@code runThreaded(taskId)} after the current transaction commits. */
    void dispatchAfterCommit(long taskId);

    /**
     * How long threaded work may take before the engine assumes it was lost (its server died) and
     * dispatches it again.
     */
    Duration timeout();

    /** For tests and tools outside a container: remembers nothing, runs nothing. */
    AsyncDispatcher NONE = new AsyncDispatcher() {
        @Override
        public void dispatchAfterCommit(long taskId) {
        }

        @Override
        public Duration timeout() {
            return Duration.ofMinutes(5);
        }
    };
}
