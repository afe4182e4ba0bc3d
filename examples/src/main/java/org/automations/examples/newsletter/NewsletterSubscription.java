package org.automations.examples.newsletter;

import java.time.Duration;
import java.util.Map;
import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Execute;
import org.automations.flow.If;
import org.automations.flow.Meta;
import org.automations.flow.RequireData;
import org.automations.flow.Task;
import org.automations.flow.Unique;

/**
 * A message-driven automation: one running instance per e-mail address waits (at most a week) for
 * the {@code confirm} message, for example sent by the page the confirmation link opens.
 *
 * <pre>{@code
 * automations.createOnMessage(NewsletterSubscription.class, "subscribe", "web", Map.of("email", email));
 * automations.dispatchMessage(key, "confirm", null, Map.of());
 * }</pre>
 */
@Unique({"email"})
@Meta(verboseName = "Newsletter subscription", publishReceivers = true,
        statusTemplates = @Meta.StatusTemplate(name = "Subscription", template = "/example/newsletter-status.xhtml"))
public class NewsletterSubscription extends Automation {

    final Execute start = execute(this::askForConfirmation);
    final Execute confirmation = execute()
            .asSoonAs(task -> Boolean.TRUE.equals(task.data().get("confirmed")))
            .skipAfter(Duration.ofDays(7))
            .description("Waits for the subscriber to confirm");
    final If subscribed = when(task -> Boolean.TRUE.equals(task.data().get("confirmed")))
            .then("welcome")
            .otherwise("end");
    final Execute welcome = execute(task -> {
        task.data().put("subscribed", task.now().toString());
    });
    final End end = end();

    void askForConfirmation(Task task) {
        task.data().put("confirmationRequested", task.now().toString());
    }

    /** A new subscription: records the address and where it came from. */
    @RequireData(name = "email", type = String.class)
    public Object receiveSubscribe(String token, Map<String, Object> data) {
        data().put("email", data.get("email"));
        data().put("source", token);
        return "subscribed";
    }

    /** The subscriber clicked the confirmation link. */
    public Object receiveConfirm(String token, Map<String, Object> data) {
        data().put("confirmed", true);
        return "received";
    }
}
