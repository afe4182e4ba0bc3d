package org.automations.examples.webinar;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.automations.runtime.EngineClock;

/** Backs the example's registration page: a visitor registers, a CDI event starts the workflow. */
@Named
@RequestScoped
public class WebinarRegistrationPage {

    private static final DateTimeFormatter SESSION_LABEL = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm 'UTC'");

    @Inject
    Event<WebinarRegistration> registrations;

    @Inject
    WebinarMailer mailer;

    @Inject
    EngineClock clock;

    @NotBlank
    @Size(max = 100)
    private String name;

    @NotBlank
    @Email
    @Size(max = 200)
    private String email;

    @NotNull
    private String session;

    /** The next three daily sessions at 17:00 UTC, by label. */
    public Map<String, String> getSessions() {
        Instant now = clock.clock().instant();
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Map<String, String> sessions = new LinkedHashMap<>();
        List<Instant> starts = new ArrayList<>();
        for (int i = 0; starts.size() < 3; i++) {
            Instant start = day.plusDays(i).atTime(LocalTime.of(17, 0)).toInstant(ZoneOffset.UTC);
            if (start.isAfter(now)) {
                starts.add(start);
            }
        }
        starts.forEach(start -> sessions.put(SESSION_LABEL.format(start.atZone(ZoneOffset.UTC)), start.toString()));
        return sessions;
    }

    public String register() {
        registrations.fire(new WebinarRegistration(name.strip(), email.strip(), Instant.parse(session)));
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getExternalContext().getFlash().setKeepMessages(true);
        String text = faces.getApplication().getResourceBundle(faces, "exMsg").getString("webinar.registered");
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                java.text.MessageFormat.format(text, name.strip()), null));
        return "/example/webinar.xhtml?faces-redirect=true";
    }

    public List<WebinarMailer.Mail> getOutbox() {
        return mailer.outbox();
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

    public String getSession() {
        return session;
    }

    public void setSession(String session) {
        this.session = session;
    }
}
