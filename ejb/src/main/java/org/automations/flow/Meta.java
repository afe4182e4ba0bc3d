package org.automations.flow;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Meta options of an automation class (the spec's nested {@code Meta} class).
 *
 * <pre>{@code
 * @Meta(verboseName = "Webinar preparation")
 * public class WebinarWorkflow extends Automation { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Meta {

    /** Human-readable name; empty means {@code "Automation <SimpleClassName>"}. */
    String verboseName() default "";

    /** Human-readable plural; empty means {@code "Automations <SimpleClassName>"}. */
    String verboseNamePlural() default "";
}
