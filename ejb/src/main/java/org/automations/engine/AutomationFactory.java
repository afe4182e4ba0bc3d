package org.automations.engine;

import org.automations.flow.Automation;

/**
 * Creates the automation objects the engine runs nodes on. In the container they are CDI beans
 * (so they may inject services); outside it, plain objects.
 */
public interface AutomationFactory {

    <T extends Automation> T create(Class<T> type);

    /** Releases an object created by {@link #create(Class)} once its step is done. */
    default void release(Automation automation) {
    }

    /** Creates objects with their public or protected no-argument constructor. */
    static AutomationFactory reflective() {
        return new AutomationFactory() {
            @Override
            public <T extends Automation> T create(Class<T> type) {
                return DefinitionReader.instantiate(type);
            }
        };
    }
}
