package org.automations.flow;

import java.util.Objects;

/**
 * A form that edits a JPA entity bound to the instance: the entity's id is in the instance's data
 * under {@code key}. Submitting it saves the entity (creating it if the key is not set yet) and
 * stores its id under the key.
 *
 * <pre>{@code
 * final Form editCustomer = modelForm(Customer.class, "customer").group("sales");   // modifiers return Form
 * }</pre>
 */
public class ModelForm extends Form {

    private final String key;

    public ModelForm(Class<?> entityClass, String key) {
        super(entityClass);
        this.key = Objects.requireNonNull(key, "key");
    }

    /** The data key that holds the entity's id. */
    public final String getKey() {
        return key;
    }

    public final Class<?> getEntityClass() {
        return getFormClass();
    }
}
