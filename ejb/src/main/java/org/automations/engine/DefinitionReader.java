package org.automations.engine;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.automations.engine.AutomationDefinition.NodeDefinition;
import org.automations.engine.AutomationDefinition.Receiver;
import org.automations.flow.Automation;
import org.automations.flow.AutomationDefinitionException;
import org.automations.flow.Execute;
import org.automations.flow.If;
import org.automations.flow.Join;
import org.automations.flow.Meta;
import org.automations.flow.Node;
import org.automations.flow.OnStart;
import org.automations.flow.Repeat;
import org.automations.flow.RequireData;
import org.automations.flow.Split;
import org.automations.flow.StartedBy;
import org.automations.flow.Unique;

/**
 * Reads and checks an automation class. Every problem found is reported at once, each line naming
 * the automation, the node and what to change, so that a deployment fails with a useful message.
 */
public final class DefinitionReader {

    /** Names a node may not have: the engine's own names (the spec's list, in Java casing, and the base class's methods). */
    static final Set<String> RESERVED_NAMES = reservedNames();

    private static final String RECEIVER_PREFIX = "receive";

    private DefinitionReader() {
    }

    /** Reads the definition of an automation class, or throws {@link AutomationDefinitionException}. */
    public static AutomationDefinition read(Class<? extends Automation> type) {
        List<String> errors = new ArrayList<>();
        String prefix = "Automation " + type.getName();
        if (Modifier.isAbstract(type.getModifiers())) {
            throw new AutomationDefinitionException(prefix + ": is abstract; only concrete classes are automations");
        }
        Automation prototype = instantiate(type);

        List<Field> fields = nodeFields(type, errors, prefix);
        Map<Node<?>, String> seen = new IdentityHashMap<>();
        List<Map.Entry<Field, Node<?>>> found = new ArrayList<>();
        for (Field field : fields) {
            Node<?> node;
            try {
                node = (Node<?>) field.get(prototype);
            } catch (IllegalAccessException e) {
                throw new AutomationDefinitionException(prefix + ", node '" + field.getName() + "': cannot be read", e);
            }
            if (node == null) {
                errors.add(prefix + ", node '" + field.getName() + "': the field is null; initialise it with a node, e.g. execute(...)");
                continue;
            }
            String other = seen.putIfAbsent(node, field.getName());
            if (other != null) {
                errors.add(prefix + ", node '" + field.getName() + "': is the same node object as '" + other
                        + "'; give each field its own node");
                continue;
            }
            for (String problem : node.definitionErrors()) {
                errors.add(prefix + ", node '" + field.getName() + "': " + problem);
            }
            found.add(Map.entry(field, node));
        }
        found.sort(Comparator.comparingLong(entry -> entry.getValue().creationOrder()));

        if (found.isEmpty() && errors.isEmpty()) {
            errors.add(prefix + ": has no nodes; declare at least one node field, e.g. 'final End end = end();'");
        }
        List<String> names = found.stream().map(entry -> entry.getKey().getName()).toList();
        Map<String, Node<?>> byName = new LinkedHashMap<>();
        found.forEach(entry -> byName.put(entry.getKey().getName(), entry.getValue()));
        List<NodeDefinition> nodes = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            Field field = found.get(i).getKey();
            Node<?> node = found.get(i).getValue();
            String name = field.getName();
            checkNode(errors, prefix, name, node, names);
            String defaultNext = i + 1 < found.size() ? names.get(i + 1) : null;
            if (defaultNext == null && node.continuesInOrder() && fallsThrough(node)) {
                errors.add(prefix + ", node '" + name + "': is the last node and has no next(...); the path falls off the end."
                        + " Add an end node after it, e.g. 'final End end = end();', or give it next(\"...\")");
            }
            nodes.add(new NodeDefinition(name, i, field, node.kind(), node.getDescription(), defaultNext));
        }
        checkJoinsAreReached(errors, prefix, nodes, byName);

        List<Class<?>> events = new ArrayList<>();
        StartedBy startedBy = type.getAnnotation(StartedBy.class);
        if (startedBy != null) {
            events.addAll(Arrays.asList(startedBy.value()));
        }
        Method onStart = onStartMethod(type, events, errors, prefix);
        Map<String, Receiver> receivers = receivers(type, errors, prefix);
        Unique unique = type.getAnnotation(Unique.class);

        if (!errors.isEmpty()) {
            throw new AutomationDefinitionException(String.join(System.lineSeparator(), errors));
        }
        Meta meta = type.getAnnotation(Meta.class);
        String verbose = meta != null && !meta.verboseName().isBlank() ? meta.verboseName() : "Automation " + type.getSimpleName();
        String plural = meta != null && !meta.verboseNamePlural().isBlank() ? meta.verboseNamePlural()
                : "Automations " + type.getSimpleName();
        return new AutomationDefinition(type, verbose, plural, nodes, events, onStart,
                unique == null ? null : Arrays.asList(unique.value()), receivers);
    }

    /** Creates an automation object with its no-argument constructor. */
    static <T extends Automation> T instantiate(Class<T> type) {
        try {
            Constructor<T> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (NoSuchMethodException e) {
            throw new AutomationDefinitionException("Automation " + type.getName()
                    + ": has no no-argument constructor; add one (inject services into fields instead)", e);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new AutomationDefinitionException("Automation " + type.getName() + ": creating it failed with " + cause
                    + (cause instanceof NullPointerException
                    ? "; a node probably uses a method reference on an injected field, which is still null while"
                    + " nodes are created: write a lambda instead (task -> service.work(task))" : ""), cause);
        } catch (ReflectiveOperationException e) {
            throw new AutomationDefinitionException("Automation " + type.getName() + ": cannot be created: " + e, e);
        }
    }

    /** A new object of a form or entity class, with its no-argument constructor. */
    static Object newObject(Class<?> type) {
        try {
            Constructor<?> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type.getName() + " needs a no-argument constructor to be used as a form", e);
        }
    }

    /** Whether a node without an explicit target continues with the next node in declaration order. */
    private static boolean fallsThrough(Node<?> node) {
        if (node instanceof If branch) {
            // an If with both branches naming nodes never falls through
            return branch.getThenNode() == null || branch.getOtherwiseNode() == null;
        }
        return true;
    }

    private static void checkNode(List<String> errors, String prefix, String name, Node<?> node, List<String> names) {
        if (RESERVED_NAMES.contains(name)) {
            errors.add(prefix + ", node '" + name + "': the name collides with the engine's own name '" + name
                    + "'; rename the node");
        }
        if (name.startsWith("_")) {
            errors.add(prefix + ", node '" + name + "': names beginning with '_' are reserved; rename the node");
        }
        String modifierOf = node instanceof Split ? "next" : node instanceof Repeat ? "repeat" : null;
        if (modifierOf == null) {
            check(errors, prefix, name, "next", node.getNext(), names);
        } else {
            for (String target : node.targets()) {
                check(errors, prefix, name, modifierOf, target, names);
            }
        }
        if (node instanceof Execute execute) {
            check(errors, prefix, name, "onError", execute.getOnError(), names);
        }
        if (node instanceof If branch) {
            if (!branch.hasThen()) {
                errors.add(prefix + ", node '" + name + "': a branch needs then(...); add .then(\"node\") or .then(task -> ...)");
            }
            check(errors, prefix, name, "then", branch.getThenNode(), names);
            check(errors, prefix, name, "otherwise", branch.getOtherwiseNode(), names);
        }
        if (node instanceof Split split && split.getPaths().isEmpty()) {
            errors.add(prefix + ", node '" + name + "': a split needs at least one path; add .next(\"node\") per path");
        }
        if (node instanceof Repeat repeat && repeat.getAt() != null && repeat.getInterval().compareTo(Duration.ofDays(1)) < 0) {
            errors.add(prefix + ", node '" + name + "': at(...) sets a time of day and needs an interval of at least a day;"
                    + " use everyDay() or everyNDays(n) with it, or drop at(...)");
        }
    }

    private static void check(List<String> errors, String prefix, String node, String modifier, String target,
                              List<String> names) {
        if (target != null && !names.contains(target)) {
            errors.add(prefix + ", node '" + node + "': " + modifier + "(\"" + target + "\") names no node of this automation;"
                    + " use one of " + names);
        }
    }

    /** Every join must be reachable from a path of some split. */
    private static void checkJoinsAreReached(List<String> errors, String prefix, List<NodeDefinition> nodes,
                                             Map<String, Node<?>> byName) {
        Set<String> reached = new HashSet<>();
        for (NodeDefinition definition : nodes) {
            Node<?> node = byName.get(definition.name());
            if (!(node instanceof Split split)) {
                continue;
            }
            Deque<String> todo = new ArrayDeque<>(split.getPaths());
            Set<String> visited = new HashSet<>();
            while (!todo.isEmpty()) {
                String name = todo.poll();
                Node<?> current = byName.get(name);
                if (current == null || !visited.add(name)) {
                    continue;
                }
                if (current instanceof Join) {
                    reached.add(name);
                    continue;
                }
                todo.addAll(successors(current, nodes, name));
            }
        }
        for (NodeDefinition definition : nodes) {
            if (byName.get(definition.name()) instanceof Join && !reached.contains(definition.name())) {
                errors.add(prefix + ", node '" + definition.name() + "': no split reaches this join; let the paths of a"
                        + " split(...).next(...) arrive here, or replace the join with execute()");
            }
        }
    }

    private static List<String> successors(Node<?> node, List<NodeDefinition> nodes, String name) {
        List<String> next = new ArrayList<>(node.targets());
        if (node instanceof Execute execute && execute.getOnError() != null) {
            next.add(execute.getOnError());
        }
        if (node.continuesInOrder() && fallsThrough(node)) {
            nodes.stream().filter(n -> n.name().equals(name)).findFirst()
                    .map(NodeDefinition::defaultNext).ifPresent(next::add);
        }
        return next;
    }

    private static List<Field> nodeFields(Class<?> type, List<String> errors, String prefix) {
        List<Class<?>> hierarchy = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Automation.class; c = c.getSuperclass()) {
            hierarchy.add(0, c);
        }
        List<Field> fields = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Class<?> c : hierarchy) {
            for (Field field : c.getDeclaredFields()) {
                if (!Node.class.isAssignableFrom(field.getType()) || field.isSynthetic()) {
                    continue;
                }
                if (Modifier.isStatic(field.getModifiers())) {
                    errors.add(prefix + ", node '" + field.getName() + "': is static; declare nodes as instance fields");
                    continue;
                }
                if (names.contains(field.getName())) {
                    errors.add(prefix + ", node '" + field.getName() + "': is declared again in " + c.getName()
                            + "; node names must be unique, rename one of them");
                    continue;
                }
                field.setAccessible(true);
                names.add(field.getName());
                fields.add(field);
            }
        }
        return fields;
    }

    private static Method onStartMethod(Class<?> type, List<Class<?>> events, List<String> errors, String prefix) {
        Method found = null;
        for (Class<?> c = type; c != null && c != Automation.class; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                if (!method.isAnnotationPresent(OnStart.class)) {
                    continue;
                }
                if (found != null) {
                    errors.add(prefix + ": has two @OnStart methods (" + found.getName() + ", " + method.getName() + "); keep one");
                    continue;
                }
                if (method.getParameterCount() != 1) {
                    errors.add(prefix + ": @OnStart method " + method.getName() + " must take exactly one parameter, the event");
                    continue;
                }
                Class<?> parameter = method.getParameterTypes()[0];
                for (Class<?> event : events) {
                    if (!parameter.isAssignableFrom(event)) {
                        errors.add(prefix + ": @OnStart method " + method.getName() + " takes " + parameter.getName()
                                + " but the automation is @StartedBy " + event.getName() + "; widen the parameter type");
                    }
                }
                method.setAccessible(true);
                found = method;
            }
        }
        if (found != null && events.isEmpty()) {
            errors.add(prefix + ": has an @OnStart method but no @StartedBy(...) event types; add @StartedBy");
        }
        return found;
    }

    /** Methods {@code receive<Message>(String token, Map<String, Object> data)}; the message is {@code <message>}. */
    private static Map<String, Receiver> receivers(Class<?> type, List<String> errors, String prefix) {
        Map<String, Receiver> receivers = new LinkedHashMap<>();
        for (Class<?> c = type; c != null && c != Automation.class; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                String name = method.getName();
                if (!name.startsWith(RECEIVER_PREFIX) || name.length() == RECEIVER_PREFIX.length()
                        || !Character.isUpperCase(name.charAt(RECEIVER_PREFIX.length())) || method.isSynthetic()) {
                    continue;
                }
                String message = Character.toLowerCase(name.charAt(RECEIVER_PREFIX.length()))
                        + name.substring(RECEIVER_PREFIX.length() + 1);
                if (receivers.containsKey(message)) {
                    continue; // overridden in a subclass
                }
                Class<?>[] parameters = method.getParameterTypes();
                if (parameters.length != 2 || parameters[0] != String.class || !parameters[1].isAssignableFrom(Map.class)) {
                    errors.add(prefix + ": receiver " + name + " must take (String token, Map<String, Object> data)");
                    continue;
                }
                Map<String, Class<?>> requirements = new LinkedHashMap<>();
                for (RequireData requirement : method.getAnnotationsByType(RequireData.class)) {
                    requirements.put(requirement.name(), requirement.type());
                }
                method.setAccessible(true);
                receivers.put(message, new Receiver(message, method, requirements));
            }
        }
        return receivers;
    }

    private static Set<String> reservedNames() {
        Set<String> names = new TreeSet<>(List.of(
                "broadcastMessage", "createOnMessage", "data", "dispatchMessage", "finished", "getAutomationClassName",
                "getKey", "getModelInstance", "getVerboseName", "getVerboseNamePlural", "id", "kill", "modelClass",
                "nice", "on", "onSignal", "run", "satisfiesDataRequirements", "save", "sendMessage", "unique", "key",
                "isFinished"));
        for (Method method : Automation.class.getDeclaredMethods()) {
            // the node factories (execute, end, ...) are static: a field may share their name
            if (!Modifier.isStatic(method.getModifiers()) && !Modifier.isPrivate(method.getModifiers())) {
                names.add(method.getName());
            }
        }
        return names;
    }
}
