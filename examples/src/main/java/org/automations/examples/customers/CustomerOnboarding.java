package org.automations.examples.customers;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Execute;
import org.automations.flow.Form;
import org.automations.flow.Meta;
import org.automations.flow.Task;

/**
 * A model form: the sales team completes a customer that the automation is bound to (a JPA entity
 * of the application's own persistence unit; its id is in the data under "customer").
 */
@Meta(verboseName = "Customer onboarding")
public class CustomerOnboarding extends Automation {

    /**
     * The application's own unit. It is defined in a library of the EAR (lib/), so that it is
     * visible from the engine's module too, which creates the automation objects.
     */
    @PersistenceContext(unitName = "examples")
    EntityManager customers;

    final Form complete = modelForm(Customer.class, "customer")
            .group("sales")
            .description("Complete the customer's details");
    final Execute welcome = execute(this::welcome);
    final End end = end();

    /** The bound customer lives in the application's unit, not in the engine's. */
    @Override
    protected EntityManager entityManager() {
        return customers;
    }

    void welcome(Task task) {
        Customer customer = model("customer", Customer.class);
        task.data().put("welcomed", customer.getName() + " <" + customer.getEmail() + ">");
    }
}
