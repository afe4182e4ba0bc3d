package org.automations.flow;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of an automation that receives the CDI event which started the instance, before
 * the first node runs. It takes one parameter, the event (a type named in {@link StartedBy}), and
 * typically copies what the automation needs into {@link Automation#data()}.
 *
 * <pre>{@code
 * @OnStart
 * void registered(WebinarRegistration registration) {
 *     data().put("email", registration.email());
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OnStart {
}
