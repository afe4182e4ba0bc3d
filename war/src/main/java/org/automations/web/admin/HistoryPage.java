package org.automations.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.automations.engine.AutomationDefinition;
import org.automations.flow.Automation;
import org.automations.persistence.AutomationModel;
import org.automations.persistence.AutomationState;
import org.automations.persistence.AutomationTaskModel;
import org.automations.runtime.AutomationAdministration;

/**
 * The history of one instance ({@code history.xhtml?id=N}): every task in the order it was
 * created (loops unrolled, one row per task), the paths of a split side by side, links to the
 * tracebacks of failed tasks, and the drawn flow with the path the instance took.
 */
@Named
@RequestScoped
public class HistoryPage {

    private static final int RESULT_MAX = 400;

    /** One task as a row: depth counts the splits it is nested in within its column. */
    public record Row(AutomationTaskModel task, int depth, boolean hasError, String result) {
    }

    /** One path of a top-level split: its first node's name and its tasks. */
    public record Column(String label, List<Row> rows) {
    }

    /** A top-level task, and if it is a split, its paths. */
    public record Block(Row row, List<Column> columns) {
    }

    @EJB
    AutomationAdministration administration;

    private Long id;
    private AutomationModel instance;
    private AutomationDefinition definition;
    private List<AutomationTaskModel> tasks = List.of();
    private List<Block> blocks = List.of();
    private String svg;

    @PostConstruct
    void load() {
        if (!AdminAccess.require()) {
            return;
        }
        id = AdminAccess.longParameter("id");
        if (id == null) {
            return;
        }
        instance = administration.instance(id);
        if (instance == null) {
            return;
        }
        definition = administration.definition(instance.getAutomationClass());
        tasks = administration.tasks(id);
        blocks = blocks(tasks);
        if (definition != null) {
            Automation blueprint = administration.blueprint(instance.getAutomationClass());
            if (blueprint != null) {
                svg = FlowDiagram.svg(definition, blueprint, trace(instance, tasks));
            }
        }
    }

    /** What the instance did, for the diagram. */
    static FlowDiagram.Trace trace(AutomationModel instance, List<AutomationTaskModel> tasks) {
        Map<Long, AutomationTaskModel> byId = new HashMap<>();
        tasks.forEach(task -> byId.put(task.getId(), task));
        Set<String> visited = new LinkedHashSet<>();
        Set<FlowDiagram.Edge> edges = new LinkedHashSet<>();
        Set<String> open = new LinkedHashSet<>();
        Set<String> failed = new LinkedHashSet<>();
        for (AutomationTaskModel task : tasks) {
            visited.add(task.getStatus());
            AutomationTaskModel previous = task.getPreviousId() == null ? null : byId.get(task.getPreviousId());
            if (previous != null) {
                edges.add(new FlowDiagram.Edge(previous.getStatus(), task.getStatus()));
            }
            if (task.isOpen() && instance.getState() == AutomationState.RUNNING) {
                open.add(task.getStatus());
            }
        }
        if (instance.getState() == AutomationState.FAILED && instance.getFailedTaskId() != null
                && byId.containsKey(instance.getFailedTaskId())) {
            failed.add(byId.get(instance.getFailedTaskId()).getStatus());
        }
        return new FlowDiagram.Trace(visited, edges, open, failed);
    }

    /** Groups the tasks: top-level tasks in order, each top-level split with one column per path. */
    static List<Block> blocks(List<AutomationTaskModel> tasks) {
        Map<Long, AutomationTaskModel> byId = new HashMap<>();
        tasks.forEach(task -> byId.put(task.getId(), task));
        List<Row> topLevel = new ArrayList<>();
        Map<Long, Map<Long, Column>> columnsOfSplit = new HashMap<>();
        for (AutomationTaskModel task : tasks) {
            Long split = topSplit(task, byId);
            Map<Long, Column> columns = split == null ? null : columnsOfSplit.get(split);
            if (columns == null) {
                // top level (or a path whose split task is gone)
                topLevel.add(row(task, 0));
                columnsOfSplit.put(task.getId(), new LinkedHashMap<>());
                continue;
            }
            AutomationTaskModel root = pathRoot(task, split, byId);
            columns.computeIfAbsent(root.getId(), key -> new Column(root.getStatus(), new ArrayList<>()))
                    .rows().add(row(task, depth(task, byId) - 1));
        }
        return topLevel.stream()
                .map(row -> new Block(row, List.copyOf(columnsOfSplit.get(row.task().getId()).values())))
                .toList();
    }

    private static Long topSplit(AutomationTaskModel task, Map<Long, AutomationTaskModel> byId) {
        Long split = task.getSplitTaskId();
        while (split != null) {
            AutomationTaskModel splitTask = byId.get(split);
            if (splitTask == null || splitTask.getSplitTaskId() == null) {
                return split;
            }
            split = splitTask.getSplitTaskId();
        }
        return null;
    }

    private static int depth(AutomationTaskModel task, Map<Long, AutomationTaskModel> byId) {
        int depth = 0;
        Long split = task.getSplitTaskId();
        while (split != null && depth < 100) {
            depth++;
            AutomationTaskModel splitTask = byId.get(split);
            split = splitTask == null ? null : splitTask.getSplitTaskId();
        }
        return depth;
    }

    private static AutomationTaskModel pathRoot(AutomationTaskModel task, Long split, Map<Long, AutomationTaskModel> byId) {
        AutomationTaskModel current = task;
        int guard = 0;
        while (current.getPreviousId() != null && !current.getPreviousId().equals(split) && guard++ < 100_000) {
            AutomationTaskModel previous = byId.get(current.getPreviousId());
            if (previous == null) {
                break;
            }
            current = previous;
        }
        return current;
    }

    private static Row row(AutomationTaskModel task, int depth) {
        boolean error = AutomationAdministration.errorOf(task.getResult()) != null;
        String result = error || task.getResult() == null ? null
                : task.getResult().length() <= RESULT_MAX ? task.getResult() : task.getResult().substring(0, RESULT_MAX) + "\u2026";
        return new Row(task, Math.max(0, depth), error, result);
    }

    public Long getId() {
        return id;
    }

    public AutomationModel getInstance() {
        return instance;
    }

    public AutomationDefinition getDefinition() {
        return definition;
    }

    public boolean isObsolete() {
        return instance != null && definition == null;
    }

    public boolean isFailed() {
        return instance != null && instance.getState() == AutomationState.FAILED;
    }

    public List<AutomationTaskModel> getTasks() {
        return tasks;
    }

    public List<Block> getBlocks() {
        return blocks;
    }

    /** The diagram as SVG markup (all text in it escaped), or {@code null} for an obsolete class. */
    public String getSvg() {
        return svg;
    }
}
