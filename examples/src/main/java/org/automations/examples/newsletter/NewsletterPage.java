package org.automations.examples.newsletter;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import java.util.Map;
import org.automations.persistence.AutomationModel;
import org.automations.runtime.AutomationService;

/**
 * Backs the example's newsletter page: a subscription starts (or finds) the visitor's
 * {@link NewsletterSubscription} by message; the confirmation link carries the instance's key.
 */
@Named
@RequestScoped
public class NewsletterPage {

    @EJB
    AutomationService automations;

    @NotBlank
    @Email
    private String email;

    private String key;

    public void subscribe() {
        AutomationModel subscription = automations.createOnMessage(NewsletterSubscription.class, "subscribe", "web",
                Map.of("email", email.strip()));
        key = subscription.getKey();
    }

    /** The key of the subscription just made, for the confirmation link (sent by mail in a real application). */
    public String getKey() {
        return key;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}
