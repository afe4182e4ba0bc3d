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

    /** The Facelets template of this automation's dashboard item; empty means the standard one. */
    String dashboardTemplate() default "";

    /** The Facelets template of this automation's forms when a form node names none. */
    String defaultTemplateName() default "";

    /** Whether receivers are offered to page authors (the spec's {@code publish_receivers}). */
    boolean publishReceivers() default false;

    /** Status views of an instance (the spec's {@code *_template} meta options). */
    StatusTemplate[] statusTemplates() default {};

    /** A status view: a Facelets template and its human-readable name. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({})
    @interface StatusTemplate {
        String name();

        String template();
    }
}
