package org.automations.runtime;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * Steps the due automations every tick (an EJB timer whose interval comes from
 * {@link AutomationSettings}, which an annotation's fixed schedule could not offer), and deletes old
 * history daily when a retention is configured. The work is the engine's. Timers are not
 * persistent: every server runs its own, and claims in the database keep them from stepping the
 * same instance twice.
 */
@Singleton
@Startup
public class DueAutomationScheduler {

    private static final Logger LOG = Logger.getLogger(DueAutomationScheduler.class.getName());
    private static final String STEP = "automations-step";
    private static final String RETENTION = "automations-history-retention";

    @Resource
    TimerService timers;

    @EJB
    AutomationService automations;

    @Inject
    AutomationSettings settings;

    @PostConstruct
    void schedule() {
        Duration tick = settings.tickInterval();
        timers.createIntervalTimer(tick.toMillis(), tick.toMillis(), new TimerConfig(STEP, false));
        if (settings.historyRetentionDays() != null) {
            timers.createIntervalTimer(Duration.ofMinutes(1).toMillis(), Duration.ofDays(1).toMillis(),
                    new TimerConfig(RETENTION, false));
        }
        LOG.info(() -> "Automations: stepping every " + tick.toSeconds() + " s as " + settings.serverId());
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void onTimer(Timer timer) {
        if (RETENTION.equals(timer.getInfo())) {
            automations.deleteHistory(settings.historyRetentionDays());
        } else {
            automations.step();
        }
    }
}
