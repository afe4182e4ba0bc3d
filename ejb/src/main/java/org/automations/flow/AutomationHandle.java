package org.automations.flow;

import java.util.Map;

/**
 * The persistent instance an {@link Automation} object is bound to while the engine runs it.
 * Implemented by the engine; applications do not implement it.
 */
public interface AutomationHandle {

    long id();

    Map<String, Object> data();

    String key();

    /** Writes the data to the instance's row now. */
    void save();

    /** The entity bound under the key, read with the automation's entity manager. */
    <T> T model(String key, Class<T> type);

    /** The engine's own entity manager. */
    jakarta.persistence.EntityManager engineEntityManager();
}
