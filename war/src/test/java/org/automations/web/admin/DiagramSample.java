package org.automations.web.admin;

import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Execute;
import org.automations.flow.If;
import org.automations.flow.Join;
import org.automations.flow.Repeat;
import org.automations.flow.Split;

/** Every kind of edge the diagram draws. */
public class DiagramSample extends Automation {

    final Execute start = execute().description("Begin <script>alert('x')</script> & go");
    final Execute count = execute();
    final If enough = when(true).then("parallel");
    final Repeat loop = repeat("count");
    final Split parallel = split().next("left").next("right");
    final Execute left = execute().next("join");
    final Execute right = execute().onError("recover").next("join");
    final Execute recover = execute();
    final Join join = join();
    final If check = when(false).then("end").otherwise("fix");
    final Execute fix = execute();
    final End end = end();
}
