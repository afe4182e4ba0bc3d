package org.automations.runtime;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/** Steps the due automations every few seconds; the work is the engine's. */
@Singleton
public class DueAutomationScheduler {

    @EJB
    AutomationService automations;

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false, info = "Automations: step due instances")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void stepDueAutomations() {
        automations.step();
    }
}
