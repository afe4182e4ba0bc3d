package org.automations.examples.customers;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Backs the example's customers page. */
@Named
@RequestScoped
public class CustomersPage {

    @EJB
    CustomerDesk desk;

    @NotBlank
    @Size(max = 100)
    private String name;

    public String open() {
        long id = desk.open(name.strip());
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getExternalContext().getFlash().setKeepMessages(true);
        String text = faces.getApplication().getResourceBundle(faces, "exMsg").getString("customers.opened");
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                java.text.MessageFormat.format(text, name.strip(), String.valueOf(id)), null));
        return "/example/customers.xhtml?faces-redirect=true";
    }

    public List<Customer> getCustomers() {
        return desk.newest();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
