package org.automations.examples.webinar;

import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Execute;
import org.automations.flow.Meta;
import org.automations.flow.OnStart;
import org.automations.flow.StartedBy;
import org.automations.flow.Task;

/**
 * The spec's WebinarWorkflow (section 2.3): a welcome mail at once, a reminder shortly before the
 * session, a replay offer 150 minutes after the reminder. A {@link WebinarRegistration} event
 * starts it.
 */
@Meta(verboseName = "Webinar preparation", verboseNamePlural = "Webinar preparations")
@StartedBy(WebinarRegistration.class)
public class WebinarWorkflow extends Automation {

    /** How long before the session the reminder goes out. */
    public static final Duration REMINDER_BEFORE_SESSION = Duration.ofMinutes(15);

    @Inject
    WebinarMailer mailer;

    final Execute start = execute(this::init);
    final Execute sendWelcomeMail = execute(this::sendWelcomeMail);
    final Execute sendReminder = execute(this::sendReminderMail)
            .afterWaitingUntil(this::reminderTime);
    final Execute sendReplayOffer = execute(this::sendReplayMail)
            .afterWaitingFor(Duration.ofMinutes(150));
    final End end = end();

    @OnStart
    void registered(WebinarRegistration registration) {
        data().put("name", registration.name());
        data().put("email", registration.email());
        data().put("sessionStart", registration.sessionStart().toString());
    }

    void init(Task task) {
        task.data().put("registered", task.now().toString());
    }

    void sendWelcomeMail(Task task) {
        mailer.send(task.now(), email(task), "Welcome to our webinar, " + task.data().get("name"));
    }

    void sendReminderMail(Task task) {
        mailer.send(task.now(), email(task), "Our webinar starts in " + REMINDER_BEFORE_SESSION.toMinutes() + " minutes");
    }

    void sendReplayMail(Task task) {
        mailer.send(task.now(), email(task), "Missed something? Watch the replay");
    }

    Instant reminderTime(Task task) {
        return Instant.parse((String) task.data().get("sessionStart")).minus(REMINDER_BEFORE_SESSION);
    }

    private static String email(Task task) {
        return (String) task.data().get("email");
    }
}
