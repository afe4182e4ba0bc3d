package org.automations.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Execute;
import org.automations.flow.Form;
import org.automations.flow.If;
import org.automations.flow.Join;
import org.automations.flow.Meta;
import org.automations.flow.RequireData;
import org.automations.flow.Split;
import org.automations.flow.Task;
import org.automations.flow.Unique;
import org.automations.persistence.AutomationModel;
import org.automations.persistence.AutomationState;
import org.automations.persistence.AutomationTaskModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The spec's examples, ported to the Java language and run on the real database. */
class SpecExamplesTest {

    /** Monday, 2 March 2026, 09:00 UTC. */
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private final EngineFixture fixture = new EngineFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    private List<String> statuses(long id) {
        return fixture.tasks(id).stream().map(AutomationTaskModel::getStatus).toList();
    }

    private List<String> openStatuses(long id) {
        return fixture.tasks(id).stream().filter(AutomationTaskModel::isOpen).map(AutomationTaskModel::getStatus).toList();
    }

    private Map<String, Object> data(long id) {
        return Json.readMap(fixture.instance(id).getData());
    }

    @SuppressWarnings("unchecked")
    static void sent(Task task, String mail) {
        ((List<Object>) task.data().computeIfAbsent("sent", k -> new ArrayList<>())).add(mail + " at " + task.now());
    }

    // ---------------------------------------------------------------- 2.3 WebinarWorkflow

    /** The spec's {@code webinar} module. */
    static final class Webinar {
        static void sendWelcomeMail(Task task) {
            sent(task, "welcome to " + task.data().get("email"));
        }

        static Instant reminderTime(Task task) {
            return Instant.parse((String) task.data().get("sessionStart")).minus(Duration.ofMinutes(30));
        }

        static void sendReminderMail(Task task) {
            sent(task, "reminder");
        }

        static void sendReplayMail(Task task) {
            sent(task, "replay");
        }
    }

    @Meta(verboseName = "Webinar preparation")
    public static class WebinarWorkflow extends Automation {
        final Execute start = execute(this::init);
        final Execute sendWelcomeMail = execute(Webinar::sendWelcomeMail);
        final Execute sendReminder = execute(Webinar::sendReminderMail).afterWaitingUntil(Webinar::reminderTime);
        final Execute sendReplayOffer = execute(Webinar::sendReplayMail).afterWaitingFor(Duration.ofMinutes(150));
        final End end = end();

        void init(Task task) {
            data().put("registered", task.now().toString());
        }
    }

    @Test
    void webinarWorkflow() {
        fixture.register(WebinarWorkflow.class);
        long id = fixture.start(WebinarWorkflow.class, Map.of("email", "ada@example.org", "sessionStart", "2026-03-04T18:00:00Z"));

        assertThat(statuses(id)).containsExactly("start", "sendWelcomeMail", "sendReminder");
        assertThat(fixture.instance(id).getDueAt()).isEqualTo(Instant.parse("2026-03-04T17:30:00Z"));

        // a scheduler ticking every 5 minutes
        while (!fixture.instance(id).isFinished()) {
            fixture.clock.advance(Duration.ofMinutes(5));
            fixture.step();
        }

        assertThat(statuses(id)).containsExactly("start", "sendWelcomeMail", "sendReminder", "sendReplayOffer", "end");
        assertThat(data(id)).containsEntry("registered", "2026-03-02T09:00:00Z").containsEntry("sent", List.of(
                "welcome to ada@example.org at 2026-03-02T09:00:00Z",
                "reminder at 2026-03-04T17:30:00Z",
                "replay at 2026-03-04T20:00:00Z"));
        assertThat(fixture.registry.get(WebinarWorkflow.class).verboseName()).isEqualTo("Webinar preparation");
    }

    // ---------------------------------------------------------------- 3.2 IssueDiscussion

    /** The moderators' form. */
    public static class MailModeration {
        public int newMails;
        public String remark;

        public MailModeration() {
        }

        MailModeration(int newMails, String remark) {
            this.newMails = newMails;
            this.remark = remark;
        }
    }

    public static class IssueDiscussion extends Automation {
        final Execute start = execute(this::publishAnnouncement);
        final Split parallel = split().next("moderation").next("warning").next("confCall");

        final If moderation = when(this::noNewMails).then("repeat");
        final Form moderate = form(MailModeration.class).group("Moderators");
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
            sent(task, "announcement");
        }

        boolean noNewMails(Task task) {
            return ((Number) task.data().getOrDefault("newMails", 0)).intValue() == 0;
        }

        boolean moderationDeadlineReached(Task task) {
            return !task.now().isBefore(Instant.parse((String) task.data().get("moderationDeadline")));
        }

        void sendDeadlineWarning(Task task) {
            sent(task, "deadline warning");
        }

        boolean confCallThisWeek(Task task) {
            return Boolean.TRUE.equals(task.data().get("confCall"));
        }

        void blockCalendar(Task task) {
            task.data().put("calendarBlocked", task.now().toString());
        }

        Map<String, Object> evaluate(Task task) {
            sent(task, "evaluation");
            return Map.of("remark", task.data().getOrDefault("remark", "none"));
        }
    }

    @Test
    void issueDiscussion() {
        fixture.register(IssueDiscussion.class);
        long id = fixture.start(IssueDiscussion.class, Map.of(
                "newMails", 2, "confCall", true, "moderationDeadline", "2026-03-02T12:30:00Z"));

        // three paths: moderation waits for a moderator, warning for six days, the call is booked
        assertThat(openStatuses(id)).containsExactlyInAnyOrder("moderate", "warning", "join");
        assertThat(data(id)).containsEntry("calendarBlocked", "2026-03-02T09:00:00Z");
        assertThat(fixture.instance(id).getDueAt()).isEqualTo(T0.plus(Duration.ofDays(6)));
        List<AutomationTaskModel> forOutsider = fixture.inTransaction(engine -> engine.openFormTasks(TestCaller.user("eve", "Users")));
        assertThat(forOutsider).isEmpty();
        List<AutomationTaskModel> forModerator = fixture.inTransaction(engine ->
                engine.openFormTasks(TestCaller.user("mo", "Moderators")));
        assertThat(forModerator).extracting(AutomationTaskModel::getStatus).containsExactly("moderate");
        long formId = forModerator.get(0).getId();
        assertThatThrownBy(() -> fixture.inTransaction(engine ->
                engine.completeForm(formId, new MailModeration(0, "x"), TestCaller.user("eve", "Users"))))
                .isInstanceOf(TaskNotAllowedException.class);

        fixture.clock.advance(Duration.ofMinutes(30));
        fixture.inTransaction(engine -> engine.completeForm(formId, new MailModeration(0, "all answered"),
                TestCaller.user("mo", "Moderators")));
        // the moderation loop: check again an hour after arriving at repeat
        assertThat(openStatuses(id)).containsExactlyInAnyOrder("warning", "join", "repeat");
        assertThat(fixture.instance(id).getDueAt()).isEqualTo(Instant.parse("2026-03-02T10:30:00Z"));

        fixture.clock.advance(Duration.ofHours(1));   // 10:30: deadline not reached, back to moderation, no new mails
        fixture.step();
        assertThat(fixture.instance(id).getDueAt()).isEqualTo(Instant.parse("2026-03-02T11:30:00Z"));
        fixture.clock.advance(Duration.ofHours(1));   // 11:30: once more
        fixture.step();
        fixture.clock.advance(Duration.ofHours(1));   // 12:30: deadline reached, on to the join
        fixture.step();
        assertThat(openStatuses(id)).containsExactlyInAnyOrder("warning", "join", "join");
        assertThat(fixture.instance(id).getDueAt()).isEqualTo(T0.plus(Duration.ofDays(6)));

        fixture.clock.advance(Duration.ofDays(6).minusHours(3).minusMinutes(30).minusSeconds(1));
        assertThat(fixture.step()).isZero();
        fixture.clock.advance(Duration.ofSeconds(1));
        assertThat(fixture.step()).isEqualTo(1);

        AutomationModel instance = fixture.instance(id);
        assertThat(instance.getState()).isEqualTo(AutomationState.FINISHED);
        assertThat(statuses(id)).containsExactly(
                "start", "parallel", "moderation", "warning", "confCall", "moderate", "moderateCall", "join",
                "repeat", "moderation", "repeat", "moderation", "repeat", "join",
                "join", "evaluate", "end");
        List<AutomationTaskModel> tasks = fixture.tasks(id);
        assertThat(tasks).filteredOn(t -> t.getStatus().equals("repeat")).extracting(AutomationTaskModel::getMessage)
                .containsExactly("False", "False", "True");
        assertThat(tasks).filteredOn(t -> t.getStatus().equals("moderation")).extracting(AutomationTaskModel::getMessage)
                .containsExactly("False", "True", "True");
        assertThat(tasks).filteredOn(t -> t.getStatus().equals("evaluate")).extracting(AutomationTaskModel::getResult)
                .containsExactly("{\"remark\":\"all answered\"}");
        assertThat(tasks).filteredOn(t -> t.getStatus().equals("moderate")).extracting(AutomationTaskModel::getCompletedBy)
                .containsExactly("mo");
        assertThat(data(id)).containsEntry("sent", List.of(
                "announcement at 2026-03-02T09:00:00Z",
                "deadline warning at 2026-03-08T09:00:00Z",
                "evaluation at 2026-03-08T09:00:00Z"));
        assertThat(data(id).get("_moderate_validated")).isEqualTo(Map.of("user", "mo", "time", "2026-03-02T09:30:00Z"));
    }

    @Test
    void issueDiscussionWithoutConferenceCall() {
        fixture.register(IssueDiscussion.class);
        long id = fixture.start(IssueDiscussion.class, Map.of(
                "newMails", 0, "confCall", false, "moderationDeadline", "2026-03-02T09:30:00Z"));

        // no new mails: straight to the hourly check, no form; no call: straight to the join
        assertThat(openStatuses(id)).containsExactlyInAnyOrder("repeat", "warning", "join");
        List<AutomationTaskModel> forms = fixture.inTransaction(engine -> engine.openFormTasks(TestCaller.admin("root")));
        assertThat(forms).isEmpty();
        fixture.clock.advance(Duration.ofHours(1));
        fixture.step();
        fixture.clock.advance(Duration.ofDays(6));
        fixture.step();
        assertThat(fixture.instance(id).isFinished()).isTrue();
        assertThat(statuses(id)).doesNotContain("moderate", "moderateCall");
        assertThat(fixture.tasks(id)).filteredOn(t -> t.getStatus().equals("evaluate")).extracting(AutomationTaskModel::getResult)
                .containsExactly("{\"remark\":\"none\"}");
        assertThat(data(id)).doesNotContainKey("calendarBlocked");
    }

    // ---------------------------------------------------------------- split/join with a nested split

    public static class Onboarding extends Automation {
        final Execute start = execute(task -> {
            sent(task, "start");
        });
        final Split parallel = split().next("equipment").next("accounts");
        final Execute equipment = execute(task -> {
            sent(task, "laptop ordered");
        }).afterWaitingFor(Duration.ofDays(2)).next("ready");

        final Execute accounts = execute(task -> {
            sent(task, "accounts requested");
        });
        final Split accountTypes = split().next("mail").next("vpn");
        final Execute mail = execute(task -> {
            sent(task, "mail");
        }).next("accountsDone");
        final Execute vpn = execute(task -> {
            sent(task, "vpn");
        }).afterWaitingFor(Duration.ofHours(4));
        final Join accountsDone = join();
        final Execute notifyIt = execute(task -> {
            sent(task, "accounts ready");
        }).next("ready");

        final Join ready = join();
        final Execute welcome = execute(task -> {
            sent(task, "welcome");
        });
        final End end = end();
    }

    @Test
    void aNestedSplitIsJoinedAndThenGoesOnToTheOuterJoin() {
        fixture.register(Onboarding.class);
        long id = fixture.start(Onboarding.class, Map.of());
        assertThat(openStatuses(id)).containsExactlyInAnyOrder("equipment", "accountsDone", "vpn");

        fixture.clock.advance(Duration.ofHours(4));
        fixture.step();
        assertThat(openStatuses(id)).containsExactlyInAnyOrder("equipment", "ready");

        fixture.clock.advance(Duration.ofHours(44));
        fixture.step();

        assertThat(fixture.instance(id).isFinished()).isTrue();
        assertThat(data(id)).containsEntry("sent", List.of(
                "start at 2026-03-02T09:00:00Z",
                "accounts requested at 2026-03-02T09:00:00Z",
                "mail at 2026-03-02T09:00:00Z",
                "vpn at 2026-03-02T13:00:00Z",
                "accounts ready at 2026-03-02T13:00:00Z",
                "laptop ordered at 2026-03-04T09:00:00Z",
                "welcome at 2026-03-04T09:00:00Z"));
        assertThat(statuses(id).stream().filter("ready"::equals).count()).isEqualTo(2);
        assertThat(statuses(id).stream().filter("accountsDone"::equals).count()).isEqualTo(2);
    }

    // ---------------------------------------------------------------- messages (5.1.3)

    @Unique({"list"})
    public static class Newsletter extends Automation {
        final Execute start = execute(task -> {
            task.data().put("firstSubscribers", task.data().get("subscriberList"));
        });
        final Execute collect = execute(task -> {
            task.data().put("finalSubscribers", task.data().get("subscriberList"));
        }).asSoonAs(task -> Boolean.TRUE.equals(task.data().get("closed")));
        final End end = end();

        @SuppressWarnings("unchecked")
        @RequireData(name = "details", type = String.class)
        public Object receiveUpdateSubscriber(String token, Map<String, Object> data) {
            List<Object> subscribers = (List<Object>) data().computeIfAbsent("subscriberList", k -> new ArrayList<>());
            if ("subscribe".equals(token)) {
                subscribers.add(data.get("details"));
            } else if ("unsubscribe".equals(token)) {
                subscribers.remove(data.get("details"));
            }
            return subscribers.size();
        }

        @SuppressWarnings("unchecked")
        public Object receiveBounce(String token, Map<String, Object> data) {
            List<Object> subscribers = (List<Object>) data().getOrDefault("subscriberList", List.of());
            if (subscribers.contains(data.get("email"))) {
                data().put("bounced", data.get("email"));
                return "received";
            }
            return null;
        }

        public Object receiveClose(String token, Map<String, Object> data) {
            data().put("closed", true);
            return "closing";
        }
    }

    @Test
    void aMessageDrivenAutomation() {
        fixture.register(Newsletter.class);

        // createOnMessage: the subscription arrives before the first node runs
        AutomationModel news = fixture.inTransaction(engine -> engine.createOnMessage(Newsletter.class, "updateSubscriber",
                "subscribe", Map.of("list", "news", "details", "ada@example.org")));
        AutomationModel offers = fixture.inTransaction(engine -> engine.createOnMessage(Newsletter.class, "updateSubscriber",
                "subscribe", Map.of("list", "offers", "details", "bob@example.org")));
        assertThat(data(news.getId())).containsEntry("list", "news").containsEntry("firstSubscribers", List.of("ada@example.org"));
        assertThat(data(offers.getId())).containsEntry("firstSubscribers", List.of("bob@example.org"));

        // by key, as a page would (?key=...), and with missing data (not delivered)
        String key = fixture.instance(news.getId()).getKey();
        Object count = fixture.inTransaction(engine -> engine.dispatchMessage(key, "updateSubscriber", "subscribe",
                Map.of("details", "grace@example.org")));
        assertThat(count).isEqualTo(2);
        Object notDelivered = fixture.inTransaction(engine -> engine.dispatchMessage(key, "updateSubscriber", "subscribe",
                Map.of("email", "nobody@example.org")));
        assertThat(notDelivered).isNull();
        Object afterUnsubscribe = fixture.inTransaction(engine -> engine.sendMessage(news.getId(), "updateSubscriber",
                "unsubscribe", Map.of("details", "ada@example.org")));
        assertThat(afterUnsubscribe).isEqualTo(1);

        // a bounce is broadcast; the list holding the address catches it
        List<Object> answers = fixture.inTransaction(engine -> engine.broadcastMessage(Newsletter.class, "bounce", null,
                Map.of("email", "grace@example.org")));
        assertThat(answers).containsExactly("received");
        assertThat(data(news.getId())).containsEntry("bounced", "grace@example.org");
        List<Object> bobsBounce = fixture.inTransaction(engine -> engine.broadcastMessage(Newsletter.class, "bounce", null,
                Map.of("email", "bob@example.org")));
        assertThat(bobsBounce).containsExactly(null, "received");

        List<Object> closing = fixture.inTransaction(engine -> engine.broadcastMessage(Newsletter.class, "close", null, Map.of()));
        assertThat(closing).containsExactly("closing", "closing");
        fixture.step();
        assertThat(fixture.instance(news.getId()).isFinished()).isTrue();
        assertThat(data(news.getId())).containsEntry("finalSubscribers", List.of("grace@example.org"));
        assertThat(fixture.instance(offers.getId()).isFinished()).isTrue();
    }

    // ---------------------------------------------------------------- 2.4.3 node inheritance: SendMail

    public static class SendMail extends Execute {
        private final String template;

        public SendMail(String template) {
            this.template = template;
        }

        @Override
        protected Object method(Task task) {
            String mail = template + " to " + task.data().get("email");
            sent(task, mail);
            return Map.of("template", template, "to", task.data().get("email"));
        }
    }

    public static class WithSendMail extends Automation {
        final Execute welcome = new SendMail("welcome");
        final Execute reminder = new SendMail("reminder").afterWaitingFor(Duration.ofDays(1)).description("Reminds the user");
        final End end = end();
    }

    @Test
    void aUserWrittenNodeSubclass() {
        fixture.register(WithSendMail.class);
        long id = fixture.start(WithSendMail.class, Map.of("email", "ada@example.org"));
        fixture.clock.advance(Duration.ofDays(1));
        fixture.step();

        assertThat(fixture.instance(id).isFinished()).isTrue();
        List<AutomationTaskModel> tasks = fixture.tasks(id);
        assertThat(Json.readMap(tasks.get(0).getResult())).isEqualTo(Map.of("template", "welcome", "to", "ada@example.org"));
        assertThat(Json.readMap(tasks.get(1).getResult())).isEqualTo(Map.of("template", "reminder", "to", "ada@example.org"));
        assertThat(tasks.get(2).getResult()).isNull();
        assertThat(tasks).extracting(AutomationTaskModel::getMessage).containsOnly("OK");
        assertThat(data(id)).containsEntry("sent", List.of(
                "welcome to ada@example.org at 2026-03-02T09:00:00Z",
                "reminder to ada@example.org at 2026-03-03T09:00:00Z"));
        AutomationDefinition definition = fixture.registry.get(WithSendMail.class);
        assertThat(definition.node("reminder").kind()).isEqualTo("SendMail");
        assertThat(definition.node("reminder").description()).isEqualTo("Reminds the user");
    }
}
