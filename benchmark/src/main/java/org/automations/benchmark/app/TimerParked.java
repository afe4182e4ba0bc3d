package org.automations.benchmark.app;

import jakarta.enterprise.context.Dependent;
import java.time.Duration;
import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Execute;

/** tick_with_timer_waiting: one step (n = 1), then parked for a day on afterWaitingFor. */
@Dependent
public class TimerParked extends Automation {

    final Execute start = execute(Counter::increment);
    final Execute later = execute(Counter::increment).afterWaitingFor(Duration.ofDays(1));
    final End end = end();
}
