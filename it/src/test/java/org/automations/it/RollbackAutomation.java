package org.automations.it;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Execute;
import org.automations.flow.Task;

/** Its work marks the transaction for rollback and then fails: the failure must still be recorded. */
@Dependent
public class RollbackAutomation extends Automation {

    @Resource
    TransactionSynchronizationRegistry transactions;

    final Execute start = execute(this::prepare);
    final Execute doom = execute(this::doom);
    final End end = end();

    void prepare(Task task) {
        task.data().put("prepared", true);
    }

    void doom(Task task) {
        transactions.setRollbackOnly();
        throw new IllegalStateException("rolled back on purpose");
    }
}
