package org.automations.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Execute;
import org.automations.flow.Form;
import org.automations.flow.Task;
import org.automations.persistence.AutomationState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Stepping on several servers: claims in the database, leases, and what a tick costs. */
class ClaimsTest {

    private final EngineFixture fixture = new EngineFixture("automations", StatementCounter.PROPERTIES);

    @AfterEach
    void close() {
        fixture.close();
    }

    public static class Counting extends Automation {
        final Execute start = execute();
        final Execute count = execute(this::count).afterWaitingFor(Duration.ofMinutes(1));
        final End end = end();

        void count(Task task) {
            task.data().merge("runs", 1, (a, b) -> (Integer) a + (Integer) b);
        }
    }

    public static class Approval {
        public Boolean approved;
    }

    public static class ParkedAtForm extends Automation {
        final Form approve = form(Approval.class).group("managers");
        final End end = end();
    }

    public static class ParkedOnTimer extends Automation {
        final Execute later = execute().afterWaitingFor(Duration.ofDays(1));
        final End end = end();
    }

    private List<Long> claim(String owner, int max) {
        return fixture.inTransaction(engine -> engine.claimDue(owner, Duration.ofMinutes(5), max));
    }

    private boolean runClaimed(long id, String owner) {
        return fixture.inTransaction(engine -> engine.runClaimed(id, owner));
    }

    @Test
    void aClaimedInstanceIsSteppedByItsOwnerOnlyAndOnce() {
        fixture.register(Counting.class);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(fixture.start(Counting.class, Map.of()));
        }
        fixture.clock.advance(Duration.ofMinutes(1));

        List<Long> first = claim("server-a", 100);
        List<Long> second = claim("server-b", 100);

        assertThat(first).containsExactlyElementsOf(ids);
        assertThat(second).isEmpty();
        assertThat(runClaimed(ids.get(0), "server-b")).isFalse();
        for (Long id : first) {
            assertThat(runClaimed(id, "server-a")).isTrue();
        }
        assertThat(runClaimed(ids.get(0), "server-a")).isFalse();
        for (Long id : ids) {
            assertThat(fixture.instance(id).getState()).isEqualTo(AutomationState.FINISHED);
            assertThat(Json.readMap(fixture.instance(id).getData())).containsEntry("runs", 1);
            assertThat(fixture.instance(id).getClaimedBy()).isNull();
        }
    }

    @Test
    void whenAServerDiesItsLapsedClaimsAreTakenOverAndNothingIsLost() {
        fixture.register(Counting.class);
        long id = fixture.start(Counting.class, Map.of());
        fixture.clock.advance(Duration.ofMinutes(1));

        assertThat(claim("dies", 100)).containsExactly(id);
        // "dies" never runs it; until the lease lapses nobody else may
        fixture.clock.advance(Duration.ofMinutes(5));
        assertThat(claim("survivor", 100)).isEmpty();
        fixture.clock.advance(Duration.ofSeconds(1));
        assertThat(claim("survivor", 100)).containsExactly(id);
        assertThat(runClaimed(id, "survivor")).isTrue();

        assertThat(fixture.instance(id).getState()).isEqualTo(AutomationState.FINISHED);
        assertThat(Json.readMap(fixture.instance(id).getData())).containsEntry("runs", 1);
        assertThat(fixture.tasks(id)).hasSize(3);
    }

    @Test
    void aTickWithTenThousandParkedInstancesAndNothingDueIsOneStatement() {
        fixture.register(ParkedAtForm.class).register(ParkedOnTimer.class);
        for (int batch = 0; batch < 10; batch++) {
            fixture.inTransaction(engine -> {
                for (int i = 0; i < 500; i++) {
                    engine.start(ParkedAtForm.class, Map.of(), null, true);
                    engine.start(ParkedOnTimer.class, Map.of(), null, true);
                }
                return null;
            });
        }
        long parked = fixture.inEntityManager(em -> em.createQuery("SELECT COUNT(a) FROM AutomationModel a", Long.class)
                .getSingleResult());
        assertThat(parked).isEqualTo(10_000L);

        StatementCounter.STATEMENTS.set(0);
        List<Long> claimed = claim("server-a", 500);

        assertThat(claimed).isEmpty();
        assertThat(StatementCounter.STATEMENTS.get()).isEqualTo(1);
    }
}
