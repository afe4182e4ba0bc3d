package org.automations.engine;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Execute;
import org.automations.flow.Form;
import org.automations.persistence.AutomationState;
import org.junit.jupiter.api.Test;

/**
 * The shipped H2 schema (server-config/sql/h2.sql) fits the entities: the engine runs on a
 * database made only by the script, with schema generation switched off.
 */
class SchemaScriptTest {

    public static class Note {
        public String text;
    }

    public static class Everything extends Automation {
        final Execute start = execute(task -> {
            task.data().put("started", true);
        });
        final Execute later = execute().retry(2, Duration.ofMinutes(1));
        final Form note = form(Note.class).group("clerks").permission("notes");
        final End end = end();
    }

    @Test
    void theEngineRunsOnTheShippedSchema() {
        Path script = Path.of("..", "server-config", "sql", "h2.sql").toAbsolutePath().normalize();
        EntityManagerFactory emf = Persistence.createEntityManagerFactory("automations", Map.of(
                "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                "jakarta.persistence.jtaDataSource", "",
                "jakarta.persistence.jdbc.driver", "org.h2.Driver",
                "jakarta.persistence.jdbc.url", "jdbc:h2:mem:" + UUID.randomUUID()
                        + ";DB_CLOSE_DELAY=-1;INIT=RUNSCRIPT FROM '" + script.toString().replace("\\", "/") + "'",
                "jakarta.persistence.jdbc.user", "sa",
                "jakarta.persistence.jdbc.password", "",
                "jakarta.persistence.schema-generation.database.action", "none",
                "eclipselink.logging.level", "SEVERE"));
        AutomationRegistry registry = new AutomationRegistry();
        registry.register(Everything.class);
        Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            AutomationEngine engine = new AutomationEngine(em, Clock.offset(clock, Duration.ofMinutes(2)), registry,
                    AutomationFactory.reflective(), () -> false);
            long id = engine.start(Everything.class, Map.of("n", 1), null, true).getId();
            assertThat(engine.claimDue("server", Duration.ofMinutes(5), 10)).isEmpty();
            em.getTransaction().commit();
            em.clear();

            assertThat(em.find(org.automations.persistence.AutomationModel.class, id).getState()).isEqualTo(AutomationState.RUNNING);
            assertThat(engine.tasks(em.find(org.automations.persistence.AutomationModel.class, id)))
                    .extracting(t -> t.getStatus()).containsExactly("start", "later", "note");
            assertThat(engine.strandedTasks()).isEmpty();
        } finally {
            em.close();
            emf.close();
        }
    }
}
