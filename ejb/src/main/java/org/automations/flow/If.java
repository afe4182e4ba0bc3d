package org.automations.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A branch (the spec's {@code If}/{@code Then}/{@code Else}; {@code else} is a Java keyword, so
 * the false branch is {@code otherwise}). Each branch is a node name to continue with, or work to
 * run before continuing with the next node. Without {@code otherwise}, a false condition continues
 * with the next node. The task records {@code True} or {@code False}.
 *
 * <pre>{@code
 * final If branch = when(task -> (Boolean) task.data().getOrDefault("hasSignedContract", false))
 *         .then("processContract")
 *         .otherwise("sendReminder");
 * }</pre>
 */
public class If extends Node<If> {

    private final TaskCondition condition;
    private String thenNode;
    private TaskAction thenWork;
    private String otherwiseNode;
    private TaskAction otherwiseWork;

    public If(TaskCondition condition) {
        this.condition = Objects.requireNonNull(condition, "condition");
    }

    public If(boolean condition) {
        this(task -> condition);
    }

    /** Where to continue when the condition holds. */
    public If then(String nodeName) {
        Objects.requireNonNull(nodeName, "nodeName");
        once(thenNode != null ? thenNode : thenWork, "then");
        thenNode = nodeName;
        return this;
    }

    /** What to run when the condition holds, before continuing with the next node. */
    public If then(TaskAction work) {
        Objects.requireNonNull(work, "work");
        once(thenNode != null ? thenNode : thenWork, "then");
        thenWork = work;
        return this;
    }

    /** Where to continue when the condition does not hold (the spec's {@code Else}). */
    public If otherwise(String nodeName) {
        Objects.requireNonNull(nodeName, "nodeName");
        once(otherwiseNode != null ? otherwiseNode : otherwiseWork, "otherwise");
        otherwiseNode = nodeName;
        return this;
    }

    /** What to run when the condition does not hold, before continuing with the next node. */
    public If otherwise(TaskAction work) {
        Objects.requireNonNull(work, "work");
        once(otherwiseNode != null ? otherwiseNode : otherwiseWork, "otherwise");
        otherwiseWork = work;
        return this;
    }

    public final TaskCondition getCondition() {
        return condition;
    }

    public final String getThenNode() {
        return thenNode;
    }

    public final TaskAction getThenWork() {
        return thenWork;
    }

    public final String getOtherwiseNode() {
        return otherwiseNode;
    }

    public final TaskAction getOtherwiseWork() {
        return otherwiseWork;
    }

    public final boolean hasThen() {
        return thenNode != null || thenWork != null;
    }

    @Override
    public List<String> targets() {
        List<String> targets = new ArrayList<>(super.targets());
        if (thenNode != null) {
            targets.add(thenNode);
        }
        if (otherwiseNode != null) {
            targets.add(otherwiseNode);
        }
        return targets;
    }
}
