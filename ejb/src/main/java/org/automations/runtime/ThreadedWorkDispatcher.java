package org.automations.runtime;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.automations.engine.AsyncDispatcher;

/**
 * Runs threaded work ({@code execute(...).threaded()}) on the container's managed executor once
 * the step that reached it has committed; no raw threads. If the work is lost (the server dies
 * before it ran), the instance becomes due again after the lease and the work is handed over anew.
 */
@ApplicationScoped
public class ThreadedWorkDispatcher implements AsyncDispatcher {

    private static final Logger LOG = Logger.getLogger(ThreadedWorkDispatcher.class.getName());

    @Resource
    ManagedExecutorService executor;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @EJB
    AutomationService automations;

    @Inject
    AutomationSettings settings;

    @Override
    public void dispatchAfterCommit(long taskId) {
        if (transactions.getTransactionKey() == null) {
            submit(taskId);
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    submit(taskId);
                }
            }
        });
    }

    @Override
    public Duration timeout() {
        return settings.lease();
    }

    private void submit(long taskId) {
        executor.submit(() -> {
            try {
                automations.runThreaded(taskId);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Threaded work of task " + taskId + " could not run; it is handed over again"
                        + " when its lease lapses", e);
            }
        });
    }
}
