package org.automations.web.tasks;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The configured part of every form template's context (the spec's
 * {@code settings.ATM_FORM_VIEW_CONTEXT}): the automation's {@code formContext()} and the node's
 * {@code context(...)} override it, in that order (the engine's {@code formTask} merges them).
 *
 * <p>Default configuration: every JVM system property named
 * {@code automations.form-context.<key>} becomes the entry {@code <key>}, e.g.
 * {@code -Dautomations.form-context.supportEmail=help@example.org} (Payara:
 * {@code asadmin create-jvm-options "-Dautomations.form-context.supportEmail=help@example.org"}).
 * Values are strings.
 *
 * <p>An application that wants other values (or typed ones) replaces this bean with a CDI
 * alternative, as it does {@link CallerProvider}:
 * <pre>{@code
 * @Alternative @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION)
 * @ApplicationScoped
 * public class ShopFormContext extends FormViewContext {
 *     @Override public Map<String, Object> values() { return Map.of("shop", "Example Ltd"); }
 * }
 * }</pre>
 */
@ApplicationScoped
public class FormViewContext {

    /** The prefix of the system properties that configure the context. */
    public static final String PROPERTY_PREFIX = "automations.form-context.";

    /** The configured values; read on each call, so a changed property counts at once. */
    public Map<String, Object> values() {
        Map<String, Object> values = new TreeMap<>();
        System.getProperties().forEach((key, value) -> {
            String name = String.valueOf(key);
            if (name.startsWith(PROPERTY_PREFIX) && name.length() > PROPERTY_PREFIX.length()) {
                values.put(name.substring(PROPERTY_PREFIX.length()), String.valueOf(value));
            }
        });
        return Collections.unmodifiableMap(values);
    }
}
