package org.automations.engine;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.automations.engine.AutomationDefinition.NodeDefinition;
import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Execute;
import org.automations.flow.Node;
import org.automations.flow.TaskValue;
import org.automations.persistence.AutomationModel;
import org.automations.persistence.AutomationState;
import org.automations.persistence.AutomationTaskModel;

/**
 * The engine's core: starts automation instances and runs them node by node, recording a task per
 * node. It works inside whatever transaction its caller opened on the given {@link EntityManager},
 * so the same code runs in the container (JTA, one transaction per instance) and in plain unit tests.
 * It reads time only from its {@link Clock}.
 */
public final class AutomationEngine {

    /** Nodes one run executes at most before it yields to the next tick (guards loops without waits). */
    static final int MAX_NODES_PER_RUN = 1000;

    private static final Logger LOG = Logger.getLogger(AutomationEngine.class.getName());
    private static final SecureRandom KEYS = new SecureRandom();

    private final EntityManager em;
    private final Clock clock;
    private final AutomationRegistry registry;
    private final AutomationFactory factory;

    public AutomationEngine(EntityManager em, Clock clock, AutomationRegistry registry, AutomationFactory factory) {
        this.em = em;
        this.clock = clock;
        this.registry = registry;
        this.factory = factory;
    }

    /**
     * Starts an instance: stores it with its data, creates the task of its first node, hands the
     * starting event (if any) to the automation's {@code @OnStart} method, and runs it if
     * {@code autorun}.
     *
     * @param data JSON-serialisable start parameters, stored in the instance's data
     */
    public AutomationModel start(Class<? extends Automation> type, Map<String, ?> data, Object event, boolean autorun) {
        AutomationDefinition definition = registry.get(type);
        Instant now = clock.instant();
        AutomationModel model = new AutomationModel(definition.className(), now);
        model.setData(Json.write(data == null ? Map.of() : data));
        model.setKey(HexFormat.of().formatHex(randomKey()));
        model.setDueAt(now);
        em.persist(model);
        em.persist(new AutomationTaskModel(model, definition.firstNode().name(), null, now));

        InstanceBinding binding = new InstanceBinding(model);
        Automation automation = factory.create(definition.type());
        try {
            automation.bind(binding);
            if (event != null && definition.onStart() != null) {
                invokeOnStart(definition, automation, event);
                binding.writeBack();
            }
            if (autorun) {
                run(model, definition, automation, binding);
            }
        } finally {
            factory.release(automation);
        }
        return model;
    }

    /**
     * Runs an instance until it finishes, fails, or every open path waits (for a time, a condition
     * or a person). Returns the name of the node where it stopped.
     *
     * @throws IllegalStateException if the instance is finished or failed
     */
    public String run(AutomationModel model) {
        AutomationDefinition definition = registry.find(model.getAutomationClass());
        if (definition == null) {
            LOG.warning(() -> "Automation instance " + model.getId() + " is of class " + model.getAutomationClass()
                    + ", which is not deployed; it is left as it is");
            model.setDueAt(null);
            return null;
        }
        InstanceBinding binding = new InstanceBinding(model);
        Automation automation = factory.create(definition.type());
        try {
            automation.bind(binding);
            return run(model, definition, automation, binding);
        } finally {
            factory.release(automation);
        }
    }

    /** Ids of the running instances whose due time has passed, earliest first. */
    public List<Long> dueInstanceIds(int max) {
        return em.createNamedQuery(AutomationModel.DUE_IDS, Long.class)
                .setParameter("now", clock.instant())
                .setMaxResults(max)
                .getResultList();
    }

    /**
     * Locks the instance's row and runs it if it is still due. Two servers (or the timer and an
     * administrator) that reach for the same instance run it one after the other; the second finds
     * it no longer due.
     *
     * @return whether it ran
     */
    public boolean runIfDue(long id) {
        AutomationModel model = em.find(AutomationModel.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (model == null || model.getState() != AutomationState.RUNNING || model.getDueAt() == null
                || model.getDueAt().isAfter(clock.instant())) {
            return false;
        }
        run(model);
        return true;
    }

    public List<AutomationTaskModel> tasks(AutomationModel model) {
        return em.createNamedQuery(AutomationTaskModel.ALL_OF_AUTOMATION, AutomationTaskModel.class)
                .setParameter("automation", model)
                .getResultList();
    }

    private String run(AutomationModel model, AutomationDefinition definition, Automation automation,
                       InstanceBinding binding) {
        if (model.getState() != AutomationState.RUNNING) {
            throw new IllegalStateException("Automation instance " + model.getId() + " is " + model.getState()
                    + " and cannot run again");
        }
        Deque<AutomationTaskModel> open = new ArrayDeque<>(
                em.createNamedQuery(AutomationTaskModel.OPEN_OF_AUTOMATION, AutomationTaskModel.class)
                        .setParameter("automation", model)
                        .getResultList());
        Instant wakeUp = null;
        String stoppedAt = null;
        int executed = 0;
        while (!open.isEmpty() && model.getState() == AutomationState.RUNNING) {
            AutomationTaskModel task = open.poll();
            stoppedAt = task.getStatus();
            NodeDefinition nodeDefinition = definition.node(task.getStatus());
            if (nodeDefinition == null) {
                LOG.warning(() -> "Automation instance " + model.getId() + " stands on node '" + task.getStatus()
                        + "', which " + definition.className() + " no longer has; the path waits");
                continue;
            }
            if (executed++ >= MAX_NODES_PER_RUN) {
                wakeUp = earliest(wakeUp, clock.instant());
                continue;
            }
            Node<?> node = nodeDefinition.nodeOf(automation);
            TaskHandle handle = new TaskHandle(task, binding, clock);

            Instant until;
            try {
                until = waitsUntil(node, handle);
            } catch (Exception e) {
                fail(model, task, e);
                break;
            }
            if (until != null && clock.instant().isBefore(until)) {
                wakeUp = earliest(wakeUp, until);
                continue;
            }

            String next;
            if (node instanceof End) {
                task.finish(clock.instant(), "OK", null);
                model.setState(AutomationState.FINISHED);
                break;
            } else if (node instanceof Execute execute) {
                try {
                    Object result = execute.executeFor(handle);
                    task.finish(clock.instant(), "OK", Json.writeOrNull(result));
                    next = nextOf(nodeDefinition, node);
                } catch (Exception e) {
                    if (execute.getOnError() == null) {
                        fail(model, task, e);
                        break;
                    }
                    task.finish(clock.instant(), e.toString(), errorResult(e));
                    next = execute.getOnError();
                }
            } else {
                throw new IllegalStateException("Node kind " + node.kind() + " is not supported by this engine");
            }
            AutomationTaskModel nextTask = new AutomationTaskModel(model, next, task.getId(), clock.instant());
            em.persist(nextTask);
            open.add(nextTask);
        }
        binding.writeBack();
        model.setDueAt(model.getState() == AutomationState.RUNNING ? wakeUp : null);
        model.setUpdated(clock.instant());
        return stoppedAt;
    }

    private static String nextOf(NodeDefinition definition, Node<?> node) {
        return node.getNext() != null ? node.getNext() : definition.defaultNext();
    }

    /** The time before which the node must not run, or {@code null}. */
    private static Instant waitsUntil(Node<?> node, TaskHandle task) throws Exception {
        Instant until = null;
        TaskValue<Instant> untilValue = node.getAfterWaitingUntil();
        if (untilValue != null) {
            until = requireValue(untilValue.valueFor(task), "afterWaitingUntil");
        }
        TaskValue<Duration> forValue = node.getAfterWaitingFor();
        if (forValue != null) {
            Instant after = task.created().plus(requireValue(forValue.valueFor(task), "afterWaitingFor"));
            until = until == null || after.isAfter(until) ? after : until;
        }
        return until;
    }

    private static <T> T requireValue(T value, String modifier) {
        if (value == null) {
            throw new IllegalStateException(modifier + " returned null; return a time to wait for");
        }
        return value;
    }

    private void fail(AutomationModel model, AutomationTaskModel task, Exception e) {
        LOG.log(Level.FINE, e, () -> "Automation instance " + model.getId() + " failed at node " + task.getStatus());
        task.finish(clock.instant(), e.toString(), errorResult(e));
        model.setState(AutomationState.FAILED);
    }

    private static String errorResult(Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        return Json.write(Map.of("error", trace.toString()));
    }

    private static void invokeOnStart(AutomationDefinition definition, Automation automation, Object event) {
        try {
            definition.onStart().invoke(automation, event);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("@OnStart of " + definition.className() + " failed: " + cause, cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot call @OnStart of " + definition.className(), e);
        }
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    private static byte[] randomKey() {
        byte[] key = new byte[16];
        KEYS.nextBytes(key);
        return key;
    }
}
