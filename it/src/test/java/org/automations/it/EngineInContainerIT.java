package org.automations.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ejb.EJB;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import jakarta.validation.ConstraintViolationException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.automations.engine.TaskAlreadyCompletedException;
import org.automations.engine.TaskNotAllowedException;
import org.automations.examples.issues.IssueDiscussion;
import org.automations.examples.issues.MailModeration;
import org.automations.examples.newsletter.NewsletterSubscription;
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
 * The engine in the real EAR on embedded Payara: CDI events start automations in the firer's
 * transaction, the engine's clock moves instead of the test sleeping, the scheduler's step runs
 * what is due, forms are completed through the service with Bean Validation, messages reach
 * running instances, and a failure is recorded even when the failing code doomed its transaction.
 */
@ExtendWith(ArquillianExtension.class)
class EngineInContainerIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWith(new Class<?>[] {EngineInContainerIT.class, TestCaller.class, Deadline.class},
                new Class<?>[] {MovableEngineClock.class, RollbackAutomation.class, ThreadedAutomation.class,
                        PunctualAutomation.class});
    }

    @Inject
    Event<WebinarRegistration> registrations;

    @Inject
    MovableEngineClock clock;

    @Inject
    WebinarMailer mailer;

    @EJB
    AutomationService automations;

    @Inject
    UserTransaction transaction;

    @Inject
    org.automations.runtime.AutomationSettings settings;

    private static final TestCaller ALICE = new TestCaller("alice", Set.of("automations-user", "moderators"), false);
    private static final TestCaller BOB = new TestCaller("bob", Set.of("automations-user", "support"), false);

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

    @Test
    void anEventFiredInATransactionThatRollsBackStartsNothing() throws Exception {
        String email = "rolled-back-" + UUID.randomUUID() + "@example.org";

        transaction.begin();
        registrations.fire(new WebinarRegistration("Nobody", email, clock.now().plus(Duration.ofDays(1))));
        transaction.rollback();

        // the instance and its tasks are gone with the transaction (the example's fake mailer is
        // not transactional, like a real mail server, so its outbox is not checked here)
        assertThat(automations.newest(100)).noneMatch(model -> model.getData().contains(email));
    }

    @Test
    void aFailureIsRecordedEvenWhenTheFailingCodeRolledItsTransactionBack() {
        AutomationModel started = automations.start(RollbackAutomation.class, Map.of("case", "doomed"), false);

        automations.step();

        AutomationModel failed = automations.find(started.getId());
        assertThat(failed.getState()).isEqualTo(AutomationState.FAILED);
        assertThat(failed.getDueAt()).isNull();
        List<AutomationTaskModel> tasks = automations.tasks(started.getId());
        AutomationTaskModel doomed = tasks.get(tasks.size() - 1);
        assertThat(doomed.getStatus()).isEqualTo("doom");
        assertThat(doomed.getMessage()).isEqualTo("java.lang.IllegalStateException: rolled back on purpose");
        assertThat(doomed.getResult()).contains("RollbackAutomation.doom");
        assertThat(doomed.getFinished()).isNotNull();
    }

    @Test
    void theIssueDiscussionRunsItsThreePathsWithAModeratorsFormToTheEnd() {
        Instant deadline = clock.now().plus(Duration.ofHours(2));
        AutomationModel started = automations.start(IssueDiscussion.class,
                Map.of("deadline", deadline.toString(), "newMails", 2, "confCall", false));
        long id = started.getId();

        AutomationTaskModel moderate = automations.tasks(id).stream()
                .filter(task -> task.getStatus().equals("moderate")).findFirst().orElseThrow();
        assertThat(moderate.isOpen()).isTrue();
        assertThat(automations.openFormTasks(BOB)).noneMatch(task -> task.getId().equals(moderate.getId()));
        assertThat(automations.openFormTasks(ALICE)).anyMatch(task -> task.getId().equals(moderate.getId()));
        assertThatThrownBy(() -> automations.completeForm(moderate.getId(), new MailModeration(), BOB))
                .isInstanceOf(ConstraintViolationException.class);
        MailModeration handled = new MailModeration();
        handled.setMailsHandled(true);
        assertThatThrownBy(() -> automations.completeForm(moderate.getId(), handled, BOB))
                .isInstanceOf(TaskNotAllowedException.class);
        assertThat(automations.find(id).getData()).doesNotContain("mailsHandled");

        automations.completeForm(moderate.getId(), handled, ALICE);
        assertThatThrownBy(() -> automations.completeForm(moderate.getId(), handled, ALICE))
                .isInstanceOf(TaskAlreadyCompletedException.class);
        assertThat(automations.find(id).getData()).contains("\"mailsHandled\":true", "_moderate_validated", "alice");

        clock.advance(Duration.ofHours(1));
        automations.step();
        clock.advance(Duration.ofDays(6));
        automations.step();
        automations.step();

        AutomationModel finished = automations.find(id);
        assertThat(finished.getState()).isEqualTo(AutomationState.FINISHED);
        List<AutomationTaskModel> tasks = automations.tasks(id);
        assertThat(tasks).extracting(AutomationTaskModel::getStatus)
                .contains("start", "parallel", "moderation", "moderate", "repeat", "warning", "confCall", "join", "evaluate", "end");
        assertThat(tasks.stream().filter(task -> task.getStatus().equals("evaluate")).findFirst().orElseThrow().getResult())
                .isEqualTo("\"discussed\"");
        assertThat(tasks.stream().filter(task -> task.getStatus().equals("moderate")).findFirst().orElseThrow().getCompletedBy())
                .isEqualTo("alice");
    }

    @Test
    void messagesReachARunningUniqueInstance() throws Exception {
        String email = "reader-" + UUID.randomUUID() + "@example.org";

        AutomationModel created = automations.createOnMessage(NewsletterSubscription.class, "subscribe", "web", Map.of("email", email));
        AutomationModel again = automations.createOnMessage(NewsletterSubscription.class, "subscribe", "web", Map.of("email", email));
        assertThat(again.getId()).isEqualTo(created.getId());
        assertThat(automations.find(created.getId()).getData()).contains("\"source\":\"web\"");

        assertThat(automations.dispatchMessage("no-such-key", "confirm", null, Map.of())).isNull();
        assertThat(automations.dispatchMessage(created.getKey(), "confirm", null, Map.of())).isEqualTo("received");
        assertThat(automations.nice(created.getId()).get(30, TimeUnit.SECONDS)).isEqualTo("end");

        assertThat(automations.find(created.getId()).getState()).isEqualTo(AutomationState.FINISHED);
        assertThat(automations.tasks(created.getId())).extracting(AutomationTaskModel::getStatus)
                .containsExactly("start", "confirmation", "subscribed", "welcome", "end");
        assertThat(automations.automations("org.automations.examples"))
                .extracting(definition -> definition.verboseName())
                .contains("Webinar preparation", "Issue discussion", "Newsletter subscription");
    }

    @Test
    void threadedWorkRunsOnTheManagedExecutorAndTheInstanceContinues() {
        String caller = Thread.currentThread().getName();
        AutomationModel started = automations.start(ThreadedAutomation.class, Map.of());

        Deadline.within(Duration.ofSeconds(30)).waitFor(() -> automations.isFinished(started.getId()),
                "the threaded node finishes the instance");
        assertThat(automations.tasks(started.getId())).extracting(AutomationTaskModel::getStatus)
                .containsExactly("start", "crunch", "end");
        assertThat(automations.find(started.getId()).getData()).doesNotContain("\"thread\":\"" + caller + "\"");
    }

    @Test
    void theTimerRunsAWaitingNodeWithinOneTickAndASecondOfItsDueTime() {
        AutomationModel started = automations.start(PunctualAutomation.class, Map.of());
        assertThat(automations.find(started.getId()).getDueAt()).isEqualTo(clock.now().plus(Duration.ofMinutes(10)));

        clock.advance(Duration.ofMinutes(10));   // due now; nobody but the EJB timer steps it

        Deadline.within(settings.tickInterval().plusSeconds(1)).waitFor(() -> automations.isFinished(started.getId()),
                "the scheduler's timer ran the due node");
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
