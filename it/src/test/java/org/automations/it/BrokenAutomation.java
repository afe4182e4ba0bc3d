package org.automations.it;

import jakarta.enterprise.context.Dependent;
import java.time.Duration;
import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Execute;

/** Declares itself an automation but gives a wait modifier twice: its deployment must fail. */
@Dependent
public class BrokenAutomation extends Automation {

    final Execute start = execute();
    final Execute remind = execute()
            .afterWaitingFor(Duration.ofHours(1))
            .afterWaitingFor(Duration.ofHours(2));
    final End end = end();
}
