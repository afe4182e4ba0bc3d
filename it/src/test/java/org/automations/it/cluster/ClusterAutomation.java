package org.automations.it.cluster;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Execute;
import org.automations.flow.Join;
import org.automations.flow.Split;
import org.automations.flow.Task;

/**
 * Waits, splits and joins; every node that does work records one row per run in IT_TASK_RUNS, in
 * the step's own transaction, so the test can count how often each task ran.
 */
@Dependent
public class ClusterAutomation extends Automation {

    @PersistenceContext(unitName = "automations")
    EntityManager em;

    final Execute start = execute(this::count);
    final Split fork = split().next("left").next("right");
    final Execute left = execute(this::count).afterWaitingFor(Duration.ofSeconds(2)).next("join");
    final Execute right = execute(this::count).next("join");
    final Join join = join();
    final Execute last = execute(this::count).afterWaitingFor(Duration.ofSeconds(1));
    final End end = end();

    void count(Task task) {
        em.createNativeQuery("INSERT INTO IT_TASK_RUNS (AUTOMATION_ID, NODE, SERVER) VALUES (?, ?, ?)")
                .setParameter(1, task.automationId())
                .setParameter(2, task.status())
                .setParameter(3, System.getProperty("automations.server.id"))
                .executeUpdate();
    }
}
