package org.automations.engine;

/**
 * What {@code deleteHistory} removed: the spec's {@code (total, {"automations": n, "tasks": m})}.
 */
public record HistoryDeletion(long automations, long tasks) {

    public long total() {
        return automations + tasks;
    }
}
