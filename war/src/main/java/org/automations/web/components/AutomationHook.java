package org.automations.web.components;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.automations.runtime.AutomationService;

/**
 * Backs {@code <atm:messageHook key="..." message="..."/>} (the spec's AutomationHook plugin):
 * when the page renders, the message goes to the instance with that key, with the request's
 * parameters as its data. A receiver that declares data requirements the parameters do not meet
 * does not get it. Each message is sent once per request, however often the page evaluates it.
 */
@Named("automationHook")
@RequestScoped
public class AutomationHook {

    private static final Logger LOG = Logger.getLogger(AutomationHook.class.getName());

    @EJB
    AutomationService automations;

    private final Set<String> sent = new HashSet<>();

    /** Sends the message; always {@code false}, so that it can sit in a {@code rendered} attribute. */
    public boolean send(String key, String message, String token) {
        if (key == null || key.isBlank() || message == null || !sent.add(key + "\u0000" + message)) {
            return false;
        }
        Map<String, Object> data = new LinkedHashMap<>(
                FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap());
        try {
            Object answer = automations.dispatchMessage(key, message, token, data);
            LOG.fine(() -> "Message '" + message + "' to instance " + key + ": " + answer);
        } catch (IllegalArgumentException e) {
            LOG.warning(() -> "Message hook: " + e.getMessage());
        }
        return false;
    }
}
