package org.automations.flow;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A receiver needs a data parameter of a type (the spec's {@code require_data_parameters}). A
 * message whose data lacks it, or whose value cannot be converted to the type, is not delivered.
 *
 * <pre>{@code
 * @RequireData(name = "email", type = String.class)
 * public Object receiveSubscribe(String token, Map<String, Object> data) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(RequireData.List.class)
public @interface RequireData {

    String name();

    Class<?> type() default String.class;

    /** Holds several {@link RequireData}. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface List {
        RequireData[] value();
    }
}
