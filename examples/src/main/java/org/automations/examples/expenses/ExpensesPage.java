package org.automations.examples.expenses;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ResourceBundle;
import org.automations.runtime.EngineClock;

/** Backs the example page's button: fires the event that starts an {@link ExpenseApproval}. */
@Named
@RequestScoped
public class ExpensesPage {

    @Inject
    Event<ExpenseClaimOpened> claims;

    @Inject
    EngineClock clock;

    public String open() {
        FacesContext faces = FacesContext.getCurrentInstance();
        String who = faces.getExternalContext().getUserPrincipal() == null
                ? null : faces.getExternalContext().getUserPrincipal().getName();
        claims.fire(new ExpenseClaimOpened(who, clock.clock().instant()));
        ResourceBundle texts = faces.getApplication().getResourceBundle(faces, "tasksMsg");
        faces.getExternalContext().getFlash().setKeepMessages(true);
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, texts.getString("expenses.started"), null));
        return "/example/expenses.xhtml?faces-redirect=true";
    }
}
