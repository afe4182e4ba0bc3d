package org.automations.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.automations.persistence.AutomationModel;
import org.automations.persistence.AutomationState;
import org.automations.persistence.AutomationTaskModel;
import org.automations.web.admin.HistoryPage.Block;
import org.automations.web.admin.HistoryPage.Column;
import org.automations.web.admin.HistoryPage.Row;
import org.junit.jupiter.api.Test;

class HistoryPageTest {

    private final AutomationModel instance = new AutomationModel("com.example.Sample", Instant.EPOCH);
    private final List<AutomationTaskModel> tasks = new ArrayList<>();

    @Test
    void putsThePathsOfASplitSideBySideAndUnrollsLoops() {
        AutomationTaskModel start = task(1, "start", null, null);
        AutomationTaskModel count1 = task(2, "count", 1L, null);
        AutomationTaskModel loop = task(3, "loop", 2L, null);
        AutomationTaskModel count2 = task(4, "count", 3L, null);
        AutomationTaskModel split = task(5, "parallel", 4L, null);
        task(6, "left", 5L, 5L);
        task(7, "right", 5L, 5L);
        task(8, "join", 6L, 5L);
        AutomationTaskModel inner = task(9, "innerSplit", 7L, 5L);
        task(10, "a", 9L, 9L);
        task(11, "join", 9L + 1, 5L);
        AutomationTaskModel after = task(12, "end", 11L, null);

        List<Block> blocks = HistoryPage.blocks(tasks);

        assertThat(blocks).extracting(block -> block.row().task())
                .containsExactly(start, count1, loop, count2, split, after);
        Block splitBlock = blocks.get(4);
        assertThat(splitBlock.columns()).extracting(Column::label).containsExactly("left", "right");
        assertThat(splitBlock.columns().get(0).rows()).extracting(row -> row.task().getStatus()).containsExactly("left", "join");
        assertThat(splitBlock.columns().get(1).rows()).extracting(row -> row.task().getStatus())
                .containsExactly("right", "innerSplit", "a", "join");
        assertThat(splitBlock.columns().get(1).rows()).extracting(Row::depth).containsExactly(0, 0, 1, 0);
        assertThat(blocks.get(0).columns()).isEmpty();
        assertThat(inner.getSplitTaskId()).isEqualTo(5L);
    }

    @Test
    void tracesVisitedNodesEdgesAndTheFailedNode() throws Exception {
        task(1, "start", null, null);
        AutomationTaskModel failed = task(2, "check", 1L, null);
        failed.finish(Instant.EPOCH, "java.lang.IllegalStateException: no", "{\"error\": \"trace\"}");
        instance.setState(AutomationState.FAILED);
        instance.setFailedTaskId(2L);

        FlowDiagram.Trace trace = HistoryPage.trace(instance, tasks);

        assertThat(trace.visitedNodes()).containsExactlyInAnyOrder("start", "check");
        assertThat(trace.visitedEdges()).containsExactly(new FlowDiagram.Edge("start", "check"));
        assertThat(trace.failedNodes()).containsExactly("check");
        assertThat(trace.openNodes()).isEmpty();
        assertThat(HistoryPage.blocks(tasks).get(1).row().hasError()).isTrue();
        assertThat(HistoryPage.blocks(tasks).get(0).row().hasError()).isFalse();
    }

    private AutomationTaskModel task(long id, String node, Long previous, Long split) {
        AutomationTaskModel task = new AutomationTaskModel(instance, node, previous, Instant.EPOCH.plusSeconds(id));
        task.setSplitTaskId(split);
        try {
            Field field = AutomationTaskModel.class.getDeclaredField("id");
            field.setAccessible(true);
            field.set(task, id);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        tasks.add(task);
        return task;
    }
}
