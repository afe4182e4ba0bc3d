package org.automations.benchmark.app;

import org.automations.flow.Task;

/** The work of every counting node: {@code n = n + 1} on the instance's data. */
final class Counter {

    private Counter() {
    }

    static void increment(Task task) {
        Object n = task.data().get("n");
        task.data().put("n", (n == null ? 0 : ((Number) n).intValue()) + 1);
    }
}
