package org.automations.engine;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.automations.engine.AutomationDefinition.NodeDefinition;
import org.automations.flow.Automation;
import org.automations.flow.AutomationDefinitionException;
import org.automations.flow.End;
import org.automations.flow.Execute;
import org.automations.flow.Meta;
import org.automations.flow.Node;
import org.automations.flow.OnStart;
import org.automations.flow.StartedBy;

/**
 * Reads and checks an automation class. Every problem found is reported at once, each line naming
 * the automation, the node and what to change, so that a deployment fails with a useful message.
 */
public final class DefinitionReader {

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
        List<Object[]> found = new ArrayList<>();
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
            found.add(new Object[] {field, node});
        }
        found.sort(Comparator.comparingLong(entry -> ((Node<?>) entry[1]).creationOrder()));

        if (found.isEmpty() && errors.isEmpty()) {
            errors.add(prefix + ": has no nodes; declare at least one node field, e.g. 'final End end = end();'");
        }
        List<String> names = found.stream().map(entry -> ((Field) entry[0]).getName()).toList();
        List<NodeDefinition> nodes = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            Field field = (Field) found.get(i)[0];
            Node<?> node = (Node<?>) found.get(i)[1];
            String name = field.getName();
            checkReference(errors, prefix, name, "next", node.getNext(), names);
            if (node instanceof Execute execute) {
                checkReference(errors, prefix, name, "onError", execute.getOnError(), names);
            }
            String defaultNext = i + 1 < found.size() ? names.get(i + 1) : null;
            if (defaultNext == null && node.getNext() == null && !(node instanceof End)) {
                errors.add(prefix + ", node '" + name + "': is the last node and has no next(...); the path falls off the end."
                        + " Add an end node after it, e.g. 'final End end = end();', or give it next(\"...\")");
            }
            nodes.add(new NodeDefinition(name, i, field, node.kind(), node.getDescription(), defaultNext));
        }

        List<Class<?>> events = new ArrayList<>();
        StartedBy startedBy = type.getAnnotation(StartedBy.class);
        if (startedBy != null) {
            events.addAll(Arrays.asList(startedBy.value()));
        }
        Method onStart = onStartMethod(type, events, errors, prefix);

        if (!errors.isEmpty()) {
            throw new AutomationDefinitionException(String.join(System.lineSeparator(), errors));
        }
        Meta meta = type.getAnnotation(Meta.class);
        String verbose = meta != null && !meta.verboseName().isBlank() ? meta.verboseName() : "Automation " + type.getSimpleName();
        String plural = meta != null && !meta.verboseNamePlural().isBlank() ? meta.verboseNamePlural()
                : "Automations " + type.getSimpleName();
        return new AutomationDefinition(type, verbose, plural, nodes, events, onStart);
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

    private static void checkReference(List<String> errors, String prefix, String node, String modifier, String target,
                                       List<String> names) {
        if (target != null && !names.contains(target)) {
            errors.add(prefix + ", node '" + node + "': " + modifier + "(\"" + target + "\") names no node of this automation;"
                    + " use one of " + names);
        }
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
}
