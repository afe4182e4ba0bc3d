package org.automations.it;

import jakarta.enterprise.context.Dependent;
import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Execute;
import org.automations.flow.Task;

/** Its middle node runs on the managed executor, after the step that reached it committed. */
@Dependent
public class ThreadedAutomation extends Automation {

    final Execute start = execute();
    final Execute crunch = execute(this::crunch).threaded();
    final End end = end();

    void crunch(Task task) {
        task.data().put("thread", Thread.currentThread().getName());
    }
}
