package org.automations.engine;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.automations.flow.Automation;

/** The automation classes known to the engine, by class name (the counterpart of {@code get_automations()}). */
public final class AutomationRegistry {

    private final Map<String, AutomationDefinition> byClassName = new LinkedHashMap<>();

    /** Reads, checks and registers an automation class. */
    public AutomationDefinition register(Class<? extends Automation> type) {
        AutomationDefinition definition = DefinitionReader.read(type);
        byClassName.put(type.getName(), definition);
        return definition;
    }

    /** The definition of that class, or {@code null} if no such automation is deployed (anymore). */
    public AutomationDefinition find(String className) {
        return byClassName.get(className);
    }

    public AutomationDefinition get(Class<? extends Automation> type) {
        AutomationDefinition definition = byClassName.get(type.getName());
        if (definition == null) {
            throw new IllegalArgumentException(type.getName() + " is not a registered automation");
        }
        return definition;
    }

    public Collection<AutomationDefinition> all() {
        return Collections.unmodifiableCollection(byClassName.values());
    }
}
