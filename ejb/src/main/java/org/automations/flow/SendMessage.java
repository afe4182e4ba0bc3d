package org.automations.flow;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Sends a message to other unfinished automation instances: to one instance (its id, or an id
 * computed from the task), or to every running instance of a class (the class or its name). The
 * receivers' answers are stored as the task's result.
 *
 * <pre>{@code
 * final SendMessage notify = sendMessage(Newsletter.class, "subscribe")
 *         .token("webinar")
 *         .data(task -> Map.of("email", task.data().get("email")));
 * }</pre>
 */
public class SendMessage extends Node<SendMessage> {

    private final TaskValue<?> target;
    private final String message;
    private String token;
    private TaskValue<Map<String, ?>> data;

    private SendMessage(TaskValue<?> target, String message) {
        this.target = target;
        this.message = Objects.requireNonNull(message, "message");
    }

    /** To the instance with this id. */
    public static SendMessage toInstance(long id, String message) {
        return new SendMessage(task -> id, message);
    }

    /** To the instance whose id (a number) the function returns. */
    public static SendMessage toInstance(TaskValue<? extends Number> id, String message) {
        return new SendMessage(Objects.requireNonNull(id, "id"), message);
    }

    /** To every running instance of the class. */
    public static SendMessage toAll(Class<? extends Automation> type, String message) {
        Objects.requireNonNull(type, "type");
        return new SendMessage(task -> type, message);
    }

    /** To every running instance of the class with this fully qualified name. */
    public static SendMessage toAll(String className, String message) {
        Objects.requireNonNull(className, "className");
        return new SendMessage(task -> className, message);
    }

    public SendMessage token(String value) {
        once(token, "token");
        token = value;
        return this;
    }

    public SendMessage data(Map<String, ?> values) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        return data(task -> copy);
    }

    public SendMessage data(TaskValue<Map<String, ?>> values) {
        Objects.requireNonNull(values, "values");
        once(data, "data");
        data = values;
        return this;
    }

    /** A {@link Number} (an instance id), a {@link Class} or a class name. */
    public final TaskValue<?> getTarget() {
        return target;
    }

    public final String getMessage() {
        return message;
    }

    public final String getToken() {
        return token;
    }

    public final TaskValue<Map<String, ?>> getData() {
        return data;
    }
}
