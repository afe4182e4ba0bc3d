package org.automations.benchmark.app;

import jakarta.enterprise.context.Dependent;
import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Execute;
import org.automations.flow.Form;

/** tick_with_form_waiting: one step (n = 1), then parked at a form for the group "bench-users". */
@Dependent
public class FormParked extends Automation {

    public static final String GROUP = "bench-users";

    final Execute start = execute(Counter::increment);
    final Form review = form(Review.class).group(GROUP).description("Review");
    final End end = end();

    /** The form's values. */
    public static class Review {
        public String comment;
    }
}
