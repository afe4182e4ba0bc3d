package org.automations.engine;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;
import org.automations.engine.AutomationDefinition.NodeDefinition;
import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Execute;
import org.automations.flow.Form;
import org.automations.flow.If;
import org.automations.flow.Join;
import org.automations.flow.Node;
import org.automations.flow.Repeat;
import org.automations.flow.SendMessage;
import org.automations.flow.Split;
import org.automations.flow.TaskAction;
import org.automations.flow.TaskCondition;
import org.automations.persistence.AutomationModel;
import org.automations.persistence.AutomationState;
import org.automations.persistence.AutomationTaskModel;

/**
 * Runs one instance: takes its open tasks (one per path) and processes each node until every path
 * waits, the instance finishes or a node fails. One object per run.
 */
final class Interpreter {

    /** Nodes one run executes at most before it yields to the next tick (guards loops without waits). */
    static final int MAX_NODES_PER_RUN = 1000;

    /** How often a path that stands on a node its class no longer has is looked at again. */
    static final java.time.Duration STRANDED_RECHECK = java.time.Duration.ofHours(1);

    private static final Logger LOG = Logger.getLogger(Interpreter.class.getName());

    /** What processing a node came to. */
    private record Outcome(boolean waits, Instant wakeUp) {
        static final Outcome MOVED_ON = new Outcome(false, null);

        static Outcome waitUntil(Instant wakeUp) {
            return new Outcome(true, wakeUp);
        }
    }

    private final AutomationEngine engine;
    private final EntityManager em;
    private final Clock clock;
    private final BooleanSupplier rollbackOnly;
    private final AsyncDispatcher dispatcher;
    /** The task whose threaded work this run executes itself (it runs on the executor), or {@code null}. */
    private final Long inlineTaskId;
    private final AutomationModel model;
    private final AutomationDefinition definition;
    private final Automation automation;
    private final InstanceBinding binding;
    private final List<AutomationTaskModel> open = new ArrayList<>();
    private final Deque<AutomationTaskModel> queue = new ArrayDeque<>();

    Interpreter(AutomationEngine engine, EntityManager em, Clock clock, BooleanSupplier rollbackOnly,
                AsyncDispatcher dispatcher, Long inlineTaskId,
                AutomationDefinition definition, Automation automation, InstanceBinding binding) {
        this.engine = engine;
        this.em = em;
        this.clock = clock;
        this.rollbackOnly = rollbackOnly;
        this.dispatcher = dispatcher;
        this.inlineTaskId = inlineTaskId;
        this.model = binding.model();
        this.definition = definition;
        this.automation = automation;
        this.binding = binding;
    }

    /** Runs until every path waits; returns the name of the node where it stopped. */
    String run() {
        requireRunning();
        for (AutomationTaskModel task : em.createNamedQuery(AutomationTaskModel.OPEN_OF_AUTOMATION, AutomationTaskModel.class)
                .setParameter("automation", model)
                .getResultList()) {
            // continueAfter has already added the task it created (the query finds it too): count
            // each task once, or a join would count that path twice
            if (!open.contains(task)) {
                open.add(task);
                queue.add(task);
            }
        }
        return runOpen();
    }

    /**
     * Runs an instance that was just started, whose only open task is its first (so there is no
     * need to query the open tasks, which would also flush the new rows before they are final).
     */
    String runStarted(AutomationTaskModel first) {
        requireRunning();
        open.add(first);
        queue.add(first);
        return runOpen();
    }

    private void requireRunning() {
        if (model.getState() != AutomationState.RUNNING) {
            throw new IllegalStateException("Automation instance " + model.getId() + " is " + model.getState()
                    + " and cannot run again");
        }
    }

    private String runOpen() {
        Instant wakeUp = null;
        String stoppedAt = null;
        int processed = 0;
        while (!queue.isEmpty() && model.getState() == AutomationState.RUNNING) {
            AutomationTaskModel task = queue.poll();
            if (!task.isOpen()) {
                continue;
            }
            stoppedAt = task.getStatus();
            NodeDefinition node = definition.node(task.getStatus());
            if (node == null) {
                LOG.warning(() -> "Automation instance " + model.getId() + " stands on node '" + task.getStatus()
                        + "', which " + definition.className() + " no longer has; that path waits");
                // looked at again hourly, so that it moves on by itself once the node is back
                wakeUp = earliest(wakeUp, clock.instant().plus(STRANDED_RECHECK));
                continue;
            }
            if (processed++ >= MAX_NODES_PER_RUN) {
                wakeUp = earliest(wakeUp, clock.instant());
                continue;
            }
            Outcome outcome;
            try {
                outcome = process(node, node.nodeOf(automation), task, new TaskHandle(task, binding, clock));
            } catch (Exception e) {
                fail(task, e);
                break;
            }
            if (outcome.waits()) {
                wakeUp = earliest(wakeUp, outcome.wakeUp());
            }
        }
        binding.writeBack();
        if (model.getState() == AutomationState.FINISHED) {
            model.setUniqueKey(null);
        }
        model.setDueAt(model.getState() == AutomationState.RUNNING ? wakeUp : null);
        model.setUpdated(clock.instant());
        return stoppedAt;
    }

    /** Continues from a task just completed outside the loop (a submitted form). */
    String continueAfter(AutomationTaskModel completed, String next) {
        createTask(next, completed, completed.getSplitTaskId());
        return run();
    }

    private Outcome process(NodeDefinition definitionOfNode, Node<?> node, AutomationTaskModel task, TaskHandle handle)
            throws Exception {
        Instant now = clock.instant();
        Instant skipAt = node.getSkipAfter() == null ? null : task.getCreated().plus(node.getSkipAfter());
        if (anyHolds(node.getSkipIf(), handle) || (skipAt != null && !now.isBefore(skipAt))) {
            finish(task, "skipped", null);
            moveOn(task, nextOf(definitionOfNode, node));
            return Outcome.MOVED_ON;
        }
        if (!node.getSkipIf().isEmpty()) {
            // a skip condition is re-checked on every tick while the node waits
            skipAt = now;
        }
        Instant until = latest(engine.waitsUntil(node, handle), task.getRunAfter());
        if (until != null && now.isBefore(until)) {
            return Outcome.waitUntil(earliest(until, skipAt));
        }
        for (TaskCondition condition : node.getAsSoonAs()) {
            if (!condition.test(handle)) {
                // re-checked on the next run; the scheduler's next tick is the earliest
                return Outcome.waitUntil(earliest(now, skipAt));
            }
        }
        if (node instanceof End) {
            finish(task, "OK", null);
            for (AutomationTaskModel other : open) {
                if (other.isOpen()) {
                    finish(other, "ended", null);
                }
            }
            model.setState(AutomationState.FINISHED);
            return Outcome.MOVED_ON;
        }
        if (node instanceof Execute execute) {
            return execute(definitionOfNode, execute, task, handle);
        }
        if (node instanceof If branch) {
            boolean holds = branch.getCondition().test(handle);
            TaskAction work = holds ? branch.getThenWork() : branch.getOtherwiseWork();
            if (work != null) {
                work.run(handle);
            }
            finish(task, holds ? "True" : "False", Boolean.toString(holds));
            String target = holds ? branch.getThenNode() : branch.getOtherwiseNode();
            moveOn(task, target != null ? target : nextOf(definitionOfNode, node));
            return Outcome.MOVED_ON;
        }
        if (node instanceof Split split) {
            finish(task, "OK", Json.write(Map.of("paths", split.getPaths().size())));
            for (String path : split.getPaths()) {
                createTask(path, task, task.getId());
            }
            return Outcome.MOVED_ON;
        }
        if (node instanceof Join) {
            return join(definitionOfNode, task);
        }
        if (node instanceof Repeat repeat) {
            return repeat(definitionOfNode, repeat, task, handle, now, skipAt);
        }
        if (node instanceof Form form) {
            if (!task.isInteraction()) {
                task.assign(form.getUser(), form.getGroup(),
                        form.getPermissions().isEmpty() ? null : String.join(",", form.getPermissions()));
            }
            return Outcome.waitUntil(skipAt);
        }
        if (node instanceof SendMessage send) {
            List<Object> answers = engine.messenger().send(send, handle, binding, automation);
            finish(task, "OK", Json.writeOrNull(answers));
            moveOn(task, nextOf(definitionOfNode, node));
            return Outcome.MOVED_ON;
        }
        throw new IllegalStateException("Node kind " + node.kind() + " is not supported by this engine");
    }

    private Outcome execute(NodeDefinition definitionOfNode, Execute execute, AutomationTaskModel task, TaskHandle handle)
            throws Exception {
        if (execute.isThreaded() && !task.getId().equals(inlineTaskId)) {
            return handOver(task);
        }
        Object result;
        try {
            result = execute.executeFor(handle);
        } catch (Exception e) {
            if (rollbackOnly.getAsBoolean()) {
                throw e;
            }
            if (task.getAttempt() < execute.getMaxAttempts()) {
                finish(task, e.toString(), AutomationEngine.errorResult(e));
                AutomationTaskModel again = createTask(definitionOfNode.name(), task, task.getSplitTaskId());
                again.setAttempt(task.getAttempt() + 1);
                again.setRunAfter(clock.instant().plus(execute.backoffAfter(task.getAttempt())));
                return Outcome.MOVED_ON;
            }
            if (execute.getOnError() == null) {
                throw e;
            }
            finish(task, e.toString(), AutomationEngine.errorResult(e));
            moveOn(task, execute.getOnError());
            return Outcome.MOVED_ON;
        }
        finish(task, "OK", Json.writeOrNull(result));
        moveOn(task, nextOf(definitionOfNode, execute));
        return Outcome.MOVED_ON;
    }

    /**
     * Threaded work runs on the executor after this step commits; the path waits until it is done.
     * If it is not done within the dispatcher's timeout (its server died), it is handed over again.
     */
    private Outcome handOver(AutomationTaskModel task) {
        Instant now = clock.instant();
        if (task.getAsyncSince() == null || !now.isBefore(task.getAsyncSince().plus(dispatcher.timeout()))) {
            task.setAsyncSince(now);
            dispatcher.dispatchAfterCommit(task.getId());
        }
        return Outcome.waitUntil(task.getAsyncSince().plus(dispatcher.timeout()));
    }

    /** Waits until every path of the split this path came from stands at this join. */
    private Outcome join(NodeDefinition definitionOfNode, AutomationTaskModel task) {
        Long splitTaskId = task.getSplitTaskId();
        if (splitTaskId == null) {
            throw new IllegalStateException("Join '" + task.getStatus() + "' was reached outside a split");
        }
        AutomationTaskModel splitTask = em.find(AutomationTaskModel.class, splitTaskId);
        int paths = ((Number) Json.readMap(splitTask.getResult()).get("paths")).intValue();
        List<AutomationTaskModel> arrived = open.stream()
                .filter(t -> t.isOpen() && t.getStatus().equals(task.getStatus()) && splitTaskId.equals(t.getSplitTaskId()))
                .toList();
        if (arrived.size() < paths) {
            return Outcome.waitUntil(null);
        }
        for (AutomationTaskModel path : arrived) {
            finish(path, "OK", null);
        }
        String next = nextOf(definitionOfNode, definitionOfNode.nodeOf(automation));
        createTask(next, task, splitTask.getSplitTaskId());
        return Outcome.MOVED_ON;
    }

    /**
     * Loops back on a schedule counted from the first time the instance reached this node: slot k
     * is origin + k * interval, so a late run does not shift later slots.
     */
    private Outcome repeat(NodeDefinition definitionOfNode, Repeat repeat, AutomationTaskModel task, TaskHandle handle,
                           Instant now, Instant skipAt) {
        String target = repeat.getStart() != null ? repeat.getStart() : definition.firstNode().name();
        Duration interval = repeat.getInterval();
        if (interval == null) {
            finish(task, "OK", null);
            moveOn(task, target);
            return Outcome.MOVED_ON;
        }
        String stateKey = "_repeat_" + definitionOfNode.name();
        Object stored = handle.data().get(stateKey);
        Instant origin;
        long slotIndex;
        if (stored instanceof Map<?, ?> state) {
            origin = Instant.parse((String) state.get("origin"));
            slotIndex = ((Number) state.get("slot")).longValue();
        } else if (repeat.getAt() != null) {
            origin = LocalDate.ofInstant(now, ZoneOffset.UTC).atTime(repeat.getAt()).toInstant(ZoneOffset.UTC);
            if (origin.isBefore(now)) {
                origin = origin.plus(Duration.ofDays(1));
            }
            slotIndex = 0;
        } else {
            origin = now;
            slotIndex = 1;
        }
        Instant slot = origin.plus(interval.multipliedBy(slotIndex));
        if (now.isBefore(slot)) {
            handle.data().put(stateKey, repeatState(origin, slotIndex));
            return Outcome.waitUntil(earliest(slot, skipAt));
        }
        long nextSlot = Duration.between(origin, now).toMillis() / interval.toMillis() + 1;
        handle.data().put(stateKey, repeatState(origin, nextSlot));
        finish(task, "OK", Json.write(Map.of("slot", slot.toString())));
        moveOn(task, target);
        return Outcome.MOVED_ON;
    }

    private static Map<String, Object> repeatState(Instant origin, long slot) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("origin", origin.toString());
        state.put("slot", slot);
        return state;
    }

    private String nextOf(NodeDefinition definitionOfNode, Node<?> node) {
        String next = node.getNext() != null ? node.getNext() : definitionOfNode.defaultNext();
        if (next == null) {
            throw new IllegalStateException("Node '" + definitionOfNode.name() + "' has no node to continue with;"
                    + " the path fell off the end of " + definition.className());
        }
        return next;
    }

    private void moveOn(AutomationTaskModel from, String next) {
        createTask(next, from, from.getSplitTaskId());
    }

    private AutomationTaskModel createTask(String node, AutomationTaskModel previous, Long splitTaskId) {
        AutomationTaskModel task = new AutomationTaskModel(model, node, previous == null ? null : previous.getId(),
                clock.instant());
        task.setSplitTaskId(splitTaskId);
        em.persist(task);
        open.add(task);
        queue.add(task);
        return task;
    }

    private void finish(AutomationTaskModel task, String message, String result) {
        task.finish(clock.instant(), message, result);
    }

    private void fail(AutomationTaskModel task, Exception e) {
        String error = AutomationEngine.errorResult(e);
        if (rollbackOnly.getAsBoolean()) {
            throw new StepRolledBackException(model.getId(), task.getStatus(), e.toString(), error);
        }
        finish(task, e.toString(), error);
        model.setState(AutomationState.FAILED);
        model.setFailedTaskId(task.getId());
    }

    private static boolean anyHolds(List<TaskCondition> conditions, TaskHandle handle) throws Exception {
        for (TaskCondition condition : conditions) {
            if (condition.test(handle)) {
                return true;
            }
        }
        return false;
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }
}
