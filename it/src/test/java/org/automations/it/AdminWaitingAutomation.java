package org.automations.it;

import jakarta.enterprise.context.Dependent;
import java.time.Duration;
import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Execute;
import org.automations.flow.Meta;

/** Waits an hour on the engine's clock, then ends (for "step now", counts, obsolete and stranded rows). */
@Dependent
@Meta(verboseName = "Admin waiting")
public class AdminWaitingAutomation extends Automation {

    final Execute start = execute();
    final Execute later = execute().afterWaitingFor(Duration.ofHours(1));
    final End end = end();
}
