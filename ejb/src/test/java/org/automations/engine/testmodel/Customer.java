package org.automations.engine.testmodel;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A test entity bound to automations (start parameters, model forms); unit {@code automations-test}. */
@Entity
@Table(name = "TEST_CUSTOMER")
public class Customer {

    @Id
    @SequenceGenerator(name = "TEST_CUSTOMER_SEQ", sequenceName = "TEST_CUSTOMER_SEQ", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "TEST_CUSTOMER_SEQ")
    private Long id;

    private String name;

    private String email;

    public Customer() {
    }

    public Customer(String name, String email) {
        this.name = name;
        this.email = email;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}
