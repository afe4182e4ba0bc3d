package org.automations.engine;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.automations.engine.AutomationDefinition.Receiver;
import org.automations.flow.Automation;
import org.automations.flow.SendMessage;
import org.automations.flow.Task;
import org.automations.persistence.AutomationModel;
import org.automations.persistence.AutomationState;

/**
 * Delivers messages to the receivers of running instances ({@code receive<Message>(token, data)}).
 * The instance's row is locked while its receiver runs, so a message that arrives while the
 * instance steps waits for the step and is not lost.
 */
final class Messenger {

    /** A broadcast stops at the first receiver that answers this (the spec's catch). */
    static final String RECEIVED = "received";

    private static final Logger LOG = Logger.getLogger(Messenger.class.getName());

    private final AutomationEngine engine;
    private final EntityManager em;

    Messenger(AutomationEngine engine, EntityManager em) {
        this.engine = engine;
        this.em = em;
    }

    /** Whether the data satisfies the receiver's declared requirements (present and convertible). */
    static boolean satisfies(Receiver receiver, Map<String, ?> data) {
        for (Map.Entry<String, Class<?>> requirement : receiver.requirements().entrySet()) {
            Object value = data == null ? null : data.get(requirement.getKey());
            if (!Json.convertible(value, requirement.getValue())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Sends to one instance. Returns the receiver's answer, or {@code null} when the instance is
     * unknown or not running or the data does not satisfy the receiver's requirements.
     */
    Object send(long id, String message, String token, Map<String, ?> data, InstanceBinding current, Automation currentObject) {
        if (current != null && current.id() == id) {
            return deliver(engine.definitionOf(current.model()), current, currentObject, message, token, data);
        }
        AutomationModel model = em.find(AutomationModel.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (model == null || model.getState() != AutomationState.RUNNING) {
            return null;
        }
        AutomationDefinition definition = engine.definitionOf(model);
        if (definition == null) {
            LOG.warning(() -> "Message '" + message + "' to instance " + id + " of " + model.getAutomationClass()
                    + ", which is not deployed, is dropped");
            return null;
        }
        receiverOf(definition, message);
        InstanceBinding binding = new InstanceBinding(model, em);
        Automation automation = engine.factory().create(definition.type());
        try {
            binding.attach(automation);
            Object answer = deliver(definition, binding, automation, message, token, data);
            binding.writeBack();
            return answer;
        } finally {
            engine.factory().release(automation);
        }
    }

    /** Sends to every running instance of the class, in id order, until one answers {@code received}. */
    List<Object> broadcast(String className, String message, String token, Map<String, ?> data, InstanceBinding current,
                           Automation currentObject) {
        AutomationDefinition definition = engine.registry().find(className);
        if (definition == null) {
            throw new IllegalArgumentException("No automation " + className + " is deployed");
        }
        receiverOf(definition, message);
        List<Long> ids = em.createNamedQuery(AutomationModel.RUNNING_IDS_OF_CLASS, Long.class)
                .setParameter("automationClass", className)
                .getResultList();
        List<Object> answers = new ArrayList<>();
        for (Long id : ids) {
            Object answer = send(id, message, token, data, current, currentObject);
            answers.add(answer);
            if (RECEIVED.equals(answer)) {
                break;
            }
        }
        return answers;
    }

    /** What a {@link SendMessage} node does. */
    List<Object> send(SendMessage node, Task task, InstanceBinding current, Automation currentObject) throws Exception {
        Object target = node.getTarget().valueFor(task);
        Map<String, ?> data = node.getData() == null ? Map.of() : node.getData().valueFor(task);
        if (target instanceof Number id) {
            return Collections.singletonList(send(id.longValue(), node.getMessage(), node.getToken(), data, current, currentObject));
        }
        if (target instanceof Class<?> type) {
            return broadcast(type.getName(), node.getMessage(), node.getToken(), data, current, currentObject);
        }
        if (target instanceof String className) {
            return broadcast(className, node.getMessage(), node.getToken(), data, current, currentObject);
        }
        throw new IllegalArgumentException("sendMessage target is " + target + "; give an instance id, a class or a class name");
    }

    private Object deliver(AutomationDefinition definition, InstanceBinding binding, Automation automation, String message,
                           String token, Map<String, ?> data) {
        Receiver receiver = receiverOf(definition, message);
        if (!satisfies(receiver, data)) {
            return null;
        }
        try {
            // receivers get a copy: they must not change the sender's map
            return receiver.method().invoke(automation, token,
                    Collections.unmodifiableMap(new LinkedHashMap<>(data == null ? Map.of() : data)));
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("Receiver of '" + message + "' in " + definition.className() + " failed: " + cause, cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot call the receiver of '" + message + "' in " + definition.className(), e);
        }
    }

    static Receiver receiverOf(AutomationDefinition definition, String message) {
        Receiver receiver = definition.receiver(message);
        if (receiver == null) {
            throw new IllegalArgumentException("Automation " + definition.className() + " has no receiver for message '"
                    + message + "'; add a method receive" + Character.toUpperCase(message.charAt(0)) + message.substring(1)
                    + "(String token, Map<String, Object> data)");
        }
        return receiver;
    }
}
