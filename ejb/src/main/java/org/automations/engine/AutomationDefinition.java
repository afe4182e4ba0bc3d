package org.automations.engine;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.automations.flow.Automation;
import org.automations.flow.Meta;
import org.automations.flow.Node;

/**
 * What the engine knows about one automation class, read once at deployment: its nodes in
 * declaration order, where each continues, its names and the events that start it. The node
 * objects themselves are read from the bound automation object at run time, so that the node's
 * work runs on the object that is bound to the instance.
 */
public final class AutomationDefinition {

    /** One node: its name, the field that holds it, its kind and where it continues by default. */
    public record NodeDefinition(String name, int index, Field field, String kind, String description,
                                 String defaultNext) {

        /** The node object of the given automation object. */
        public Node<?> nodeOf(Automation automation) {
            try {
                return (Node<?>) field.get(automation);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("Cannot read node " + name, e);
            }
        }
    }

    private final Class<? extends Automation> type;
    private final String verboseName;
    private final String verboseNamePlural;
    private final List<NodeDefinition> nodes;
    private final Map<String, NodeDefinition> byName = new LinkedHashMap<>();
    /** A message receiver: the method {@code receive<Message>(String token, Map data)} and its data requirements. */
    public record Receiver(String message, Method method, Map<String, Class<?>> requirements) {
    }

    private final List<Class<?>> startingEvents;
    private final Method onStart;
    private final List<String> uniqueBy;
    private final Map<String, Receiver> receivers;
    private final Meta meta;

    AutomationDefinition(Class<? extends Automation> type, String verboseName, String verboseNamePlural,
                         List<NodeDefinition> nodes, List<Class<?>> startingEvents, Method onStart,
                         List<String> uniqueBy, Map<String, Receiver> receivers) {
        this.type = type;
        this.verboseName = verboseName;
        this.verboseNamePlural = verboseNamePlural;
        this.nodes = List.copyOf(nodes);
        this.nodes.forEach(node -> byName.put(node.name(), node));
        this.startingEvents = List.copyOf(startingEvents);
        this.onStart = onStart;
        this.uniqueBy = uniqueBy == null ? null : List.copyOf(uniqueBy);
        this.receivers = Map.copyOf(receivers);
        this.meta = type.getAnnotation(Meta.class);
    }

    /**
     * The data parameters that make an instance unique: empty for a singleton, {@code null} when
     * the automation is not unique.
     */
    public List<String> uniqueBy() {
        return uniqueBy;
    }

    /** The receiver of a message, or {@code null}. */
    public Receiver receiver(String message) {
        return receivers.get(message);
    }

    public Map<String, Receiver> receivers() {
        return receivers;
    }

    /** The dashboard item's Facelets template, or {@code null} for the standard one. */
    public String dashboardTemplate() {
        return meta == null || meta.dashboardTemplate().isBlank() ? null : meta.dashboardTemplate();
    }

    /** The forms' default Facelets template, or {@code null}. */
    public String defaultTemplateName() {
        return meta == null || meta.defaultTemplateName().isBlank() ? null : meta.defaultTemplateName();
    }

    public boolean publishReceivers() {
        return meta != null && meta.publishReceivers();
    }

    /** Status views: name to Facelets template. */
    public Map<String, String> statusTemplates() {
        Map<String, String> templates = new LinkedHashMap<>();
        if (meta != null) {
            for (Meta.StatusTemplate template : meta.statusTemplates()) {
                templates.put(template.name(), template.template());
            }
        }
        return templates;
    }

    public Class<? extends Automation> type() {
        return type;
    }

    /** The automation's identity in the database: its fully qualified class name. */
    public String className() {
        return type.getName();
    }

    public String verboseName() {
        return verboseName;
    }

    public String verboseNamePlural() {
        return verboseNamePlural;
    }

    public List<NodeDefinition> nodes() {
        return nodes;
    }

    public NodeDefinition firstNode() {
        return nodes.get(0);
    }

    /** The node of that name, or {@code null} if the class has none (e.g. after a redeploy). */
    public NodeDefinition node(String name) {
        return byName.get(name);
    }

    public List<Class<?>> startingEvents() {
        return Collections.unmodifiableList(startingEvents);
    }

    /** The method that receives the starting event, or {@code null}. */
    public Method onStart() {
        return onStart;
    }
}
