package org.automations.benchmark.app;

import jakarta.enterprise.context.Dependent;
import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Execute;

/** linear10: ten execute nodes, each doing n = n + 1, then the end: 11 steps, n = 10. */
@Dependent
public class LinearTen extends Automation {

    final Execute step1 = execute(Counter::increment);
    final Execute step2 = execute(Counter::increment);
    final Execute step3 = execute(Counter::increment);
    final Execute step4 = execute(Counter::increment);
    final Execute step5 = execute(Counter::increment);
    final Execute step6 = execute(Counter::increment);
    final Execute step7 = execute(Counter::increment);
    final Execute step8 = execute(Counter::increment);
    final Execute step9 = execute(Counter::increment);
    final Execute step10 = execute(Counter::increment);
    final End end = end();
}
