package org.automations.flow;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Only one running instance of the automation at a time (a singleton), or one per combination of
 * the named data parameters. Starting another returns the running one. The database enforces it,
 * so two concurrent starts cannot both create an instance.
 *
 * <pre>{@code
 * @Unique                  // a singleton
 * @Unique({"email"})       // one running instance per e-mail address
 * }</pre>
 *
 * <p>An instance holds its uniqueness until it finishes (a failed one keeps it until an
 * administrator retries or kills it).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Unique {
    /** The data parameters that identify an instance; empty means a singleton. */
    String[] value() default {};
}
