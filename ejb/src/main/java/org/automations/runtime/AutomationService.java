package org.automations.runtime;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.ejb.LocalBean;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.automations.engine.AutomationDefinition;
import org.automations.engine.AutomationEngine;
import org.automations.flow.Automation;
import org.automations.persistence.AutomationModel;
import org.automations.persistence.AutomationTaskModel;

/**
 * The engine's API in the container: start automations, step the due ones, read instances and
 * their tasks. Each instance runs in its own transaction, so one failing instance does not roll
 * back the others of the same step.
 */
@Stateless
@LocalBean
public class AutomationService {

    /** Portable name within the application; the module name is fixed by META-INF/ejb-jar.xml. */
    public static final String JNDI_NAME = "java:app/automations-ejb/AutomationService!" + "org.automations.runtime.AutomationService";

    /** Due instances one step takes at most; the next step takes the rest. */
    static final int STEP_BATCH = 500;

    private static final Logger LOG = Logger.getLogger(AutomationService.class.getName());

    @PersistenceContext(unitName = "automations")
    EntityManager em;

    @Inject
    EngineClock clock;

    @Inject
    AutomationExtension extension;

    @Inject
    CdiAutomationFactory factory;

    @Resource
    SessionContext context;

    /**
     * Starts an instance of the automation with the given JSON-serialisable data and runs it until
     * it waits, in the caller's transaction.
     */
    public AutomationModel start(Class<? extends Automation> type, Map<String, ?> data) {
        return engine().start(type, data, null, true);
    }

    /** Starts an instance for a CDI event the automation is {@code @StartedBy}, in the firer's transaction. */
    public AutomationModel startOnEvent(Class<? extends Automation> type, Object event) {
        return engine().start(type, Map.of(), event, true);
    }

    /**
     * Runs every instance that is due, each in its own transaction (what the timer calls each
     * tick, and what an administrator may call at any time).
     *
     * @return how many instances ran
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int step() {
        AutomationService self = context.getBusinessObject(AutomationService.class);
        int ran = 0;
        for (Long id : engine().dueInstanceIds(STEP_BATCH)) {
            try {
                if (self.runIfDue(id)) {
                    ran++;
                }
            } catch (EJBException e) {
                LOG.log(Level.WARNING, "Automation instance " + id + " could not be run; it stays due", e);
            }
        }
        return ran;
    }

    /** Runs one instance if it is still due, holding its row lock for the transaction. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean runIfDue(long id) {
        return engine().runIfDue(id);
    }

    public AutomationModel find(long id) {
        return em.find(AutomationModel.class, id);
    }

    /** The newest instances first. */
    public List<AutomationModel> newest(int max) {
        return em.createNamedQuery(AutomationModel.ALL_NEWEST_FIRST, AutomationModel.class)
                .setMaxResults(max)
                .getResultList();
    }

    /** The tasks of an instance in the order they were created. */
    public List<AutomationTaskModel> tasks(long automationId) {
        AutomationModel model = em.find(AutomationModel.class, automationId);
        return model == null ? List.of() : engine().tasks(model);
    }

    /** The deployed automations (the spec's {@code get_automations()}). */
    public Collection<AutomationDefinition> automations() {
        return extension.registry().all();
    }

    /** The deployed automation of that class name, or {@code null}. */
    public AutomationDefinition automation(String className) {
        return extension.registry().find(className);
    }

    private AutomationEngine engine() {
        return new AutomationEngine(em, clock.clock(), extension.registry(), factory);
    }
}
