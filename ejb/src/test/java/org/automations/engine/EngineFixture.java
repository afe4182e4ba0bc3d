package org.automations.engine;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.automations.flow.Automation;
import org.automations.persistence.AutomationModel;
import org.automations.persistence.AutomationTaskModel;

/**
 * The engine on the real JPA provider (EclipseLink) and a real database (in-memory H2), outside a
 * container: the product's persistence unit, switched to resource-local transactions.
 */
final class EngineFixture implements AutoCloseable {

    final MovableClock clock = new MovableClock(Instant.parse("2026-03-02T09:00:00Z"));
    final AutomationRegistry registry = new AutomationRegistry();
    private final EntityManagerFactory emf;

    EngineFixture() {
        this("automations");
    }

    /**
     * On another persistence unit, e.g. {@code automations-test} (the engine's entities plus the
     * test entities, see src/test/resources/META-INF/persistence.xml).
     */
    EngineFixture(String persistenceUnit) {
        this(persistenceUnit, Map.of());
    }

    /** With extra persistence properties, e.g. a statement-counting logger. */
    EngineFixture(String persistenceUnit, Map<String, String> extraProperties) {
        Map<String, String> properties = new java.util.HashMap<>(Map.of(
                "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                "jakarta.persistence.jtaDataSource", "",
                "jakarta.persistence.jdbc.driver", "org.h2.Driver",
                "jakarta.persistence.jdbc.url", "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "jakarta.persistence.jdbc.user", "sa",
                "jakarta.persistence.jdbc.password", "",
                "eclipselink.logging.level", "SEVERE"));
        properties.putAll(extraProperties);
        emf = Persistence.createEntityManagerFactory(persistenceUnit, properties);
    }

    EngineFixture register(Class<? extends Automation> type) {
        registry.register(type);
        return this;
    }

    /** Runs the work in one transaction, as the container runs each engine call. */
    <T> T inTransaction(Function<AutomationEngine, T> work) {
        return inEntityManager(em -> work.apply(engine(em)));
    }

    /** Runs the work on a plain entity manager in one transaction (to read or edit rows directly). */
    <T> T inEntityManager(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    /** A new entity manager of the fixture's unit; the caller manages its transaction and closes it. */
    EntityManager newEntityManager() {
        return emf.createEntityManager();
    }

    AutomationEngine engine(EntityManager em) {
        return new AutomationEngine(em, clock, registry, AutomationFactory.reflective(),
                () -> em.getTransaction().isActive() && em.getTransaction().getRollbackOnly());
    }

    long start(Class<? extends Automation> type, Map<String, ?> data) {
        return inTransaction(engine -> engine.start(type, data, null, true).getId());
    }

    /** What the scheduler does on a tick: each due instance in its own transaction. */
    int step() {
        List<Long> due = inTransaction(engine -> engine.dueInstanceIds(1000));
        int ran = 0;
        for (Long id : due) {
            if (inTransaction(engine -> engine.runIfDue(id))) {
                ran++;
            }
        }
        return ran;
    }

    AutomationModel instance(long id) {
        EntityManager em = emf.createEntityManager();
        try {
            return em.find(AutomationModel.class, id);
        } finally {
            em.close();
        }
    }

    List<AutomationTaskModel> tasks(long id) {
        return inTransaction(engine -> engine.tasks(instance(id)));
    }

    @Override
    public void close() {
        emf.close();
    }
}
