package org.automations.web.admin;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.automations.runtime.AutomationAdministration;

/**
 * The administrators' pages check the role themselves too, not only through web.xml's URL
 * constraint (and {@link AutomationAdministration} checks it again in the EJB container).
 */
final class AdminAccess {

    private AdminAccess() {
    }

    /** Whether the caller is an administrator; if not, answers 403 and completes the response. */
    static boolean require() {
        FacesContext context = FacesContext.getCurrentInstance();
        ExternalContext external = context.getExternalContext();
        if (external.isUserInRole(AutomationAdministration.ADMIN)) {
            return true;
        }
        try {
            if (!context.getResponseComplete()) {
                external.responseSendError(403, null);
                context.responseComplete();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return false;
    }

    /** A request parameter as a number, or {@code null} if missing or not a number. */
    static Long longParameter(String name) {
        String value = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String parameter(String name) {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get(name);
    }
}
