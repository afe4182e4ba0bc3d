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
}
