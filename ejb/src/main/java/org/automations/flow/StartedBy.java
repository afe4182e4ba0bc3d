package org.automations.flow;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The CDI event types that start a new instance of the automation (the counterpart of the spec's
 * Django signals). Firing such an event with {@code Event.fire} starts one instance in the
 * firer's transaction; a method annotated {@link OnStart} may read the event into the data.
 *
 * <pre>{@code
 * @StartedBy(WebinarRegistration.class)
 * public class WebinarWorkflow extends Automation { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface StartedBy {
    Class<?>[] value();
}
