package org.automations.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJB;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.automations.examples.webinar.WebinarMailer;
import org.automations.examples.webinar.WebinarRegistration;
import org.automations.examples.webinar.WebinarWorkflow;
import org.automations.persistence.AutomationModel;
import org.automations.persistence.AutomationState;
import org.automations.persistence.AutomationTaskModel;
import org.automations.runtime.AutomationService;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The walking skeleton end to end in the real EAR on embedded Payara: a CDI event starts the
 * spec's WebinarWorkflow, the engine's clock moves past the reminder time and past 150 minutes,
 * the scheduler's step runs it, and every task is recorded in order with its times.
 */
@ExtendWith(ArquillianExtension.class)
class WebinarWorkflowIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWith(new Class<?>[] {WebinarWorkflowIT.class}, new Class<?>[] {MovableEngineClock.class});
    }

    @Inject
    Event<WebinarRegistration> registrations;

    @Inject
    MovableEngineClock clock;

    @Inject
    WebinarMailer mailer;

    @EJB
    AutomationService automations;

    @Test
    void aRegistrationRunsTheWebinarWorkflowToItsEnd() {
        String email = "ada-" + UUID.randomUUID() + "@example.org";
        Instant registered = clock.now();
        Instant session = registered.plus(Duration.ofHours(26));
        Instant reminder = session.minus(WebinarWorkflow.REMINDER_BEFORE_SESSION);

        registrations.fire(new WebinarRegistration("Ada", email, session));

        AutomationModel instance = instanceFor(email);
        assertThat(instance.getAutomationClass()).isEqualTo(WebinarWorkflow.class.getName());
        assertThat(instance.getState()).isEqualTo(AutomationState.RUNNING);
        assertThat(instance.getDueAt()).isEqualTo(reminder);
        assertThat(statuses(instance)).containsExactly("start", "sendWelcomeMail", "sendReminder");
        assertThat(subjectsTo(email)).containsExactly("Welcome to our webinar, Ada");

        clock.moveTo(reminder.minusSeconds(1));
        automations.step();
        assertThat(statuses(instance)).containsExactly("start", "sendWelcomeMail", "sendReminder");

        clock.moveTo(reminder);
        automations.step();
        assertThat(statuses(instance)).containsExactly("start", "sendWelcomeMail", "sendReminder", "sendReplayOffer");
        assertThat(automations.find(instance.getId()).getDueAt()).isEqualTo(reminder.plus(Duration.ofMinutes(150)));

        clock.advance(Duration.ofMinutes(150).minusSeconds(1));
        automations.step();
        assertThat(automations.find(instance.getId()).getState()).isEqualTo(AutomationState.RUNNING);

        clock.advance(Duration.ofSeconds(1));
        automations.step();

        AutomationModel finished = automations.find(instance.getId());
        assertThat(finished.getState()).isEqualTo(AutomationState.FINISHED);
        assertThat(finished.getDueAt()).isNull();
        List<AutomationTaskModel> tasks = automations.tasks(instance.getId());
        assertThat(tasks).extracting(AutomationTaskModel::getStatus)
                .containsExactly("start", "sendWelcomeMail", "sendReminder", "sendReplayOffer", "end");
        assertThat(tasks).extracting(AutomationTaskModel::getMessage).containsOnly("OK");
        Instant replay = reminder.plus(Duration.ofMinutes(150));
        assertThat(tasks).extracting(AutomationTaskModel::getCreated)
                .containsExactly(registered, registered, registered, reminder, replay);
        assertThat(tasks).extracting(AutomationTaskModel::getFinished)
                .containsExactly(registered, registered, reminder, replay, replay);
        assertThat(subjectsTo(email)).containsExactly(
                "Welcome to our webinar, Ada",
                "Our webinar starts in 15 minutes",
                "Missed something? Watch the replay");
    }

    @Test
    void registeringTwiceWithTheSameDataStartsTwoAutomations() {
        String email = "twice-" + UUID.randomUUID() + "@example.org";
        Instant session = clock.now().plus(Duration.ofDays(2));

        registrations.fire(new WebinarRegistration("Grace", email, session));
        registrations.fire(new WebinarRegistration("Grace", email, session));

        assertThat(automations.newest(100)).filteredOn(model -> model.getData().contains(email)).hasSize(2);
    }

    private AutomationModel instanceFor(String email) {
        List<AutomationModel> found = automations.newest(100).stream()
                .filter(model -> model.getData().contains(email))
                .toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private List<String> statuses(AutomationModel instance) {
        return automations.tasks(instance.getId()).stream().map(AutomationTaskModel::getStatus).toList();
    }

    private List<String> subjectsTo(String email) {
        List<String> subjects = new java.util.ArrayList<>(mailer.outbox().stream()
                .filter(mail -> mail.to().equals(email))
                .map(WebinarMailer.Mail::subject)
                .toList());
        java.util.Collections.reverse(subjects);
        return subjects;
    }
}
