package org.automations.it;

import jakarta.enterprise.context.Dependent;
import java.util.List;
import java.util.Map;
import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Execute;
import org.automations.flow.If;
import org.automations.flow.Join;
import org.automations.flow.Meta;
import org.automations.flow.Repeat;
import org.automations.flow.Split;
import org.automations.flow.Task;
import org.automations.persistence.AutomationModel;

/**
 * A flow with every edge the administrators' diagram draws: a loop (repeat), a branch, a split
 * with two paths, an onError. Start data: {@code failTimes} (how often {@code check} fails before
 * it passes: a retry then succeeds), {@code risky} (the right path fails into {@code recover}).
 * Its dashboard item is its own template, with a context from {@link #dashboardContext}.
 */
@Dependent
@Meta(verboseName = "Admin showcase", dashboardTemplate = AdminShowcaseAutomation.DASHBOARD_TEMPLATE)
public class AdminShowcaseAutomation extends Automation {

    public static final String DASHBOARD_TEMPLATE = "/WEB-INF/admin-test/showcase-dashboard.xhtml";
    /** Thrown by {@code check}: markup and quotes, to show that the pages escape the trace. */
    public static final String FAILURE = "Check failed for <b>\"Ada\" & co</b>";

    final Execute start = execute(task -> { task.data().put("round", 0); });
    final Execute count = execute(task -> { task.data().put("round", round(task) + 1); });
    final If enough = when(task -> round(task) >= 2).then("parallel");
    final Repeat loop = repeat("count");
    final Split parallel = split().next("left").next("right");
    final Execute left = execute(task -> { task.data().put("left", true); }).next("join");
    final Execute right = execute(this::risky).onError("recover").next("join");
    final Execute recover = execute(task -> { task.data().put("recovered", true); });
    final Join join = join();
    final Execute check = execute(this::check);
    final End end = end();

    static int round(Task task) {
        return ((Number) task.data().getOrDefault("round", 0)).intValue();
    }

    void risky(Task task) {
        if (Boolean.TRUE.equals(task.data().get("risky"))) {
            throw new IllegalArgumentException("risky path failed");
        }
    }

    String check(Task task) {
        int attempts = ((Number) task.data().getOrDefault("attempts", 0)).intValue() + 1;
        task.data().put("attempts", attempts);
        if (attempts <= ((Number) task.data().getOrDefault("failTimes", 0)).intValue()) {
            throw new IllegalStateException(FAILURE);
        }
        return "checked <ok>";
    }

    @Override
    public Map<String, Object> dashboardContext(List<AutomationModel> instances) {
        return Map.of("shown", instances.size(), "label", "<i>showcase</i>");
    }
}
