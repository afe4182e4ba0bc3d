package org.automations.benchmark.app;

import jakarta.enterprise.context.Dependent;
import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Execute;
import org.automations.flow.Join;
import org.automations.flow.Split;

/** split_join: one execute, a split into three executes, a join, the end: 7 steps, n = 4. */
@Dependent
public class SplitJoin extends Automation {

    final Execute start = execute(Counter::increment);
    final Split fork = split().next("left").next("middle").next("right");
    final Execute left = execute(Counter::increment).next("join");
    final Execute middle = execute(Counter::increment).next("join");
    final Execute right = execute(Counter::increment).next("join");
    final Join join = join();
    final End end = end();
}
