package org.automations.it;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.automations.persistence.AutomationModel;
import org.automations.persistence.AutomationTaskModel;

/** Test-only changes to stored instances that no page offers (added to the engine's EJB jar by AdminPagesIT). */
@Stateless
public class AdminTestData {

    @PersistenceContext(unitName = "automations")
    EntityManager em;

    /** Makes the instance look like one of a class that is no longer deployed. */
    public void renameClass(long id, String className) {
        em.createQuery("UPDATE AutomationModel a SET a.automationClass = :c WHERE a.id = :id")
                .setParameter("c", className).setParameter("id", id).executeUpdate();
    }

    /** Moves the instance's open tasks onto a node that does not exist. */
    public void strand(long id, String node) {
        em.createQuery("UPDATE AutomationTaskModel t SET t.status = :node WHERE t.automation.id = :id AND t.finished IS NULL")
                .setParameter("node", node).setParameter("id", id).executeUpdate();
    }

    /** Sets the instance's last change back by that many days. */
    public void age(long id, Instant now, int days) {
        em.createQuery("UPDATE AutomationModel a SET a.updated = :when WHERE a.id = :id")
                .setParameter("when", now.minus(Duration.ofDays(days))).setParameter("id", id).executeUpdate();
    }

    /** "STATE tasks" or "GONE". */
    public String state(long id) {
        AutomationModel model = em.find(AutomationModel.class, id);
        if (model == null) {
            return "GONE";
        }
        em.refresh(model);
        List<AutomationTaskModel> tasks = em.createQuery(
                "SELECT t FROM AutomationTaskModel t WHERE t.automation.id = :id ORDER BY t.id", AutomationTaskModel.class)
                .setParameter("id", id).getResultList();
        return model.getState() + " " + tasks.size() + " " + tasks.get(0).getId()
                + (model.getFailedTaskId() == null ? "" : " " + model.getFailedTaskId());
    }
}
