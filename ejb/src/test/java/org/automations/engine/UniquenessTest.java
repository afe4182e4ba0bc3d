package org.automations.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Execute;
import org.automations.flow.Unique;
import org.automations.persistence.AutomationModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** @Unique: singletons, one instance per parameter values, enforced by the database. */
class UniquenessTest {

    private final EngineFixture fixture = new EngineFixture();

    private boolean kill(long id) {
        return fixture.inTransaction(engine -> engine.kill(id));
    }

    private HistoryDeletion deleteHistory(int days) {
        return fixture.inTransaction(engine -> engine.deleteHistory(days));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private long count(Class<? extends Automation> type) {
        return fixture.inEntityManager(em -> em.createQuery(
                        "SELECT COUNT(a) FROM AutomationModel a WHERE a.automationClass = :c", Long.class)
                .setParameter("c", type.getName())
                .getSingleResult());
    }

    @Unique
    public static class Singleton extends Automation {
        final Execute start = execute();
        final Execute work = execute().afterWaitingFor(Duration.ofHours(1));
        final End end = end();
    }

    @Test
    void aSingletonReturnsTheRunningInstance() {
        fixture.register(Singleton.class);
        long first = fixture.start(Singleton.class, Map.of("n", 1));
        long second = fixture.start(Singleton.class, Map.of("n", 2));

        assertThat(second).isEqualTo(first);
        assertThat(count(Singleton.class)).isEqualTo(1);
        assertThat(Json.readMap(fixture.instance(first).getData())).containsEntry("n", 1);
        assertThat(fixture.tasks(first)).hasSize(2);
    }

    @Test
    void aFinishedOrKilledInstanceNoLongerBlocks() {
        fixture.register(Singleton.class);
        long first = fixture.start(Singleton.class, Map.of());
        fixture.clock.advance(Duration.ofHours(1));
        fixture.step();
        assertThat(fixture.instance(first).isFinished()).isTrue();
        assertThat(fixture.instance(first).getUniqueKey()).isNull();

        long second = fixture.start(Singleton.class, Map.of());
        assertThat(second).isNotEqualTo(first);
        assertThat(fixture.instance(second).getUniqueKey()).isNotNull();
        assertThat(kill(second)).isTrue();

        long third = fixture.start(Singleton.class, Map.of());
        assertThat(third).isNotIn(first, second);
        assertThat(count(Singleton.class)).isEqualTo(2);
    }

    @Unique({"email", "list"})
    public static class PerEmail extends Automation {
        final Execute start = execute();
        final Execute work = execute().afterWaitingFor(Duration.ofHours(1));
        final End end = end();
    }

    @Test
    void oneRunningInstancePerValuesOfTheUniqueParameters() {
        fixture.register(PerEmail.class);
        long a = fixture.start(PerEmail.class, Map.of("email", "a@example.org", "list", "news", "extra", 1));
        long b = fixture.start(PerEmail.class, Map.of("email", "b@example.org", "list", "news"));
        long aOtherList = fixture.start(PerEmail.class, Map.of("email", "a@example.org", "list", "offers"));
        long aAgain = fixture.start(PerEmail.class, Map.of("email", "a@example.org", "list", "news", "extra", 2));

        assertThat(aAgain).isEqualTo(a);
        assertThat(b).isNotEqualTo(a);
        assertThat(aOtherList).isNotIn(a, b);
        assertThat(count(PerEmail.class)).isEqualTo(3);
        assertThat(Json.readMap(fixture.instance(a).getData())).containsEntry("extra", 1);
    }

    @Test
    void aMissingUniqueParameterIsAnError() {
        fixture.register(PerEmail.class);

        assertThatThrownBy(() -> fixture.start(PerEmail.class, Map.of("email", "a@example.org")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Automation " + PerEmail.class.getName()
                        + " is unique by [email, list]; start it with data containing 'list'");
        assertThat(count(PerEmail.class)).isZero();
    }

    @Test
    void twoConcurrentStartsInTwoTransactionsCannotBothCommit() throws Exception {
        fixture.register(Singleton.class);
        CountDownLatch firstFlushed = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            // the first start has written its row but not committed when the second one looks
            Future<Long> first = threads.submit(() -> {
                EntityManager em = fixture.newEntityManager();
                try {
                    em.getTransaction().begin();
                    long id = fixture.engine(em).start(Singleton.class, Map.of("by", "first"), null, true).getId();
                    firstFlushed.countDown();
                    assertThat(secondDone.await(30, TimeUnit.SECONDS)).isTrue();
                    em.getTransaction().commit();
                    return id;
                } finally {
                    firstFlushed.countDown();
                    if (em.getTransaction().isActive()) {
                        em.getTransaction().rollback();
                    }
                    em.close();
                }
            });
            Future<Long> second = threads.submit(() -> {
                EntityManager em = fixture.newEntityManager();
                try {
                    assertThat(firstFlushed.await(30, TimeUnit.SECONDS)).isTrue();
                    em.getTransaction().begin();
                    // do not wait the database's default lock timeout for the first transaction
                    em.createNativeQuery("SET LOCK_TIMEOUT 300").executeUpdate();
                    long id = fixture.engine(em).start(Singleton.class, Map.of("by", "second"), null, true).getId();
                    em.getTransaction().commit();
                    return id;
                } finally {
                    secondDone.countDown();
                    if (em.getTransaction().isActive()) {
                        em.getTransaction().rollback();
                    }
                    em.close();
                }
            });

            long winner = first.get(60, TimeUnit.SECONDS);
            assertThatThrownBy(() -> second.get(60, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(IllegalStateException.class)
                    .cause().hasMessage("Another instance of the unique automation " + Singleton.class.getName()
                            + " was started at the same time; this start was refused");

            assertThat(count(Singleton.class)).isEqualTo(1);
            AutomationModel instance = fixture.instance(winner);
            assertThat(Json.readMap(instance.getData())).containsEntry("by", "first");
            assertThat(fixture.tasks(winner)).hasSize(2);
            long tasks = fixture.inEntityManager(em -> em.createQuery("SELECT COUNT(t) FROM AutomationTaskModel t", Long.class)
                    .getSingleResult());
            assertThat(tasks).isEqualTo(2);
        } finally {
            threads.shutdownNow();
        }
    }
}
