package org.automations.examples.customers;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import org.automations.runtime.AutomationService;

/** Opens a customer and starts its onboarding, in one transaction. */
@Stateless
public class CustomerDesk {

    @PersistenceContext(unitName = "examples")
    EntityManager customers;

    @EJB
    AutomationService automations;

    public long open(String name) {
        Customer customer = new Customer();
        customer.setName(name);
        customers.persist(customer);
        customers.flush();
        return automations.start(CustomerOnboarding.class, Map.of("customer", customer)).getId();
    }

    public List<Customer> newest() {
        return customers.createQuery("SELECT c FROM Customer c ORDER BY c.id DESC", Customer.class)
                .setMaxResults(20)
                .getResultList();
    }
}
