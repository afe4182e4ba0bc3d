package org.automations.it;

import jakarta.enterprise.context.Dependent;
import java.time.Duration;
import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Execute;

/** Waits ten minutes of engine time, then finishes: the scheduler must run it on time. */
@Dependent
public class PunctualAutomation extends Automation {

    final Execute start = execute();
    final Execute later = execute().afterWaitingFor(Duration.ofMinutes(10));
    final End end = end();
}
