package org.automations.examples.issues;

import java.time.Duration;
import java.time.Instant;
import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Execute;
import org.automations.flow.Form;
import org.automations.flow.If;
import org.automations.flow.Join;
import org.automations.flow.Meta;
import org.automations.flow.Split;
import org.automations.flow.Task;

/**
 * The spec's issue discussion cycle (section 3.2): an announcement, then three parallel paths —
 * hourly mail moderation by the moderators until the deadline, a deadline warning after six days,
 * and a conference call if one is planned this week — joined before the evaluation.
 *
 * <p>Start data: {@code deadline} (ISO instant), optionally {@code confCall} (boolean) and
 * {@code newMails} (number of mails waiting for moderation).
 */
@Meta(verboseName = "Issue discussion", verboseNamePlural = "Issue discussions")
public class IssueDiscussion extends Automation {

    final Execute start = execute(this::publishAnnouncement);
    final Split parallel = split().next("moderation").next("warning").next("confCall");

    final If moderation = when(this::noNewMails).then("repeat");
    final Form moderate = form(MailModeration.class)
            .group("moderators")
            .description("Moderate the new mails of the issue discussion");
    final If repeat = when(this::moderationDeadlineReached)
            .then("join")
            .otherwise("moderation")
            .afterWaitingFor(Duration.ofHours(1));

    final Execute warning = execute(this::sendDeadlineWarning)
            .afterWaitingFor(Duration.ofDays(6))
            .next("join");

    final If confCall = when(this::confCallThisWeek).then("moderateCall").otherwise("join");
    final Execute moderateCall = execute(this::blockCalendar);

    final Join join = join();
    final Execute evaluate = execute(this::evaluate);
    final End end = end();

    void publishAnnouncement(Task task) {
        task.data().put("announced", task.now().toString());
    }

    boolean noNewMails(Task task) {
        return ((Number) task.data().getOrDefault("newMails", 0)).intValue() == 0
                || Boolean.TRUE.equals(task.data().get("mailsHandled"));
    }

    boolean moderationDeadlineReached(Task task) {
        return !task.now().isBefore(Instant.parse((String) task.data().get("deadline")));
    }

    void sendDeadlineWarning(Task task) {
        task.data().put("warned", task.now().toString());
    }

    boolean confCallThisWeek(Task task) {
        return Boolean.TRUE.equals(task.data().get("confCall"));
    }

    void blockCalendar(Task task) {
        task.data().put("calendarBlocked", true);
    }

    String evaluate(Task task) {
        return task.data().containsKey("warned") ? "discussed" : "closed early";
    }
}
