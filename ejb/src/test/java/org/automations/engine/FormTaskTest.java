package org.automations.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.automations.engine.testmodel.Customer;
import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Execute;
import org.automations.flow.Form;
import org.automations.flow.Join;
import org.automations.flow.Meta;
import org.automations.flow.Split;
import org.automations.persistence.AutomationModel;
import org.automations.persistence.AutomationState;
import org.automations.persistence.AutomationTaskModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Form and model form, engine side: who may process them, completing them, their context. */
class FormTaskTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private final EngineFixture fixture = new EngineFixture("automations-test");

    @AfterEach
    void close() {
        fixture.close();
    }

    private List<String> statuses(long id) {
        return fixture.tasks(id).stream().map(AutomationTaskModel::getStatus).toList();
    }

    private AutomationTaskModel task(long id, String status) {
        return fixture.tasks(id).stream().filter(t -> t.getStatus().equals(status)).reduce((a, b) -> b).orElseThrow();
    }

    private List<String> openFormsFor(Caller caller) {
        List<AutomationTaskModel> tasks = fixture.inTransaction(engine -> engine.openFormTasks(caller));
        return tasks.stream().map(AutomationTaskModel::getStatus).toList();
    }

    /** A form class: plain fields, filled from and stored into the data. */
    public static class Approval {
        public boolean approved;
        public String comment;

        public Approval() {
        }

        Approval(boolean approved, String comment) {
            this.approved = approved;
            this.comment = comment;
        }
    }

    @Meta(defaultTemplateName = "/approvals/form.xhtml")
    public static class Approve extends Automation {
        final Execute start = execute();
        final Form approve = form(Approval.class)
                .group("managers")
                .context(Map.of("title", "node title", "nodeOnly", 3));
        final Execute after = execute(task -> {
            task.data().put("afterSaw", task.data().get("comment"));
        });
        final Form acknowledge = form(Approval.class).user("alice").templateName("/ack.xhtml");
        final End end = end();

        @Override
        public Map<String, Object> formContext() {
            return Map.of("title", "automation title", "automationOnly", "yes", "brand", "automation brand");
        }
    }

    @Test
    void aFormWaitsForAPersonWithoutBeingDue() {
        fixture.register(Approve.class);
        long id = fixture.start(Approve.class, Map.of());

        AutomationModel instance = fixture.instance(id);
        assertThat(instance.getState()).isEqualTo(AutomationState.RUNNING);
        assertThat(instance.getDueAt()).isNull();
        assertThat(statuses(id)).containsExactly("start", "approve");
        AutomationTaskModel form = task(id, "approve");
        assertThat(form.isOpen()).isTrue();
        assertThat(form.isInteraction()).isTrue();
        assertThat(form.getInteractionGroup()).isEqualTo("managers");
        assertThat(form.getInteractionUser()).isNull();
        List<Long> due = fixture.inTransaction(engine -> engine.dueInstanceIds(10));
        assertThat(due).isEmpty();
        fixture.clock.advance(Duration.ofDays(30));
        assertThat(fixture.step()).isZero();
        assertThat(statuses(id)).containsExactly("start", "approve");
    }

    @Test
    void completingAFormStoresTheValuesWhoAndWhenAndContinuesInTheSameTransaction() {
        fixture.register(Approve.class);
        long id = fixture.start(Approve.class, Map.of("offer", 7));
        long taskId = task(id, "approve").getId();
        fixture.clock.advance(Duration.ofHours(2));

        String stoppedAt = fixture.inTransaction(engine ->
                engine.completeForm(taskId, new Approval(true, "fine"), TestCaller.user("bob", "managers")));

        assertThat(stoppedAt).isEqualTo("acknowledge");
        Map<String, Object> data = Json.readMap(fixture.instance(id).getData());
        assertThat(data)
                .containsEntry("offer", 7)
                .containsEntry("approved", true)
                .containsEntry("comment", "fine")
                .containsEntry("afterSaw", "fine")
                .containsEntry("_approve_validated", Map.of("user", "bob", "time", "2026-03-02T11:00:00Z"));
        AutomationTaskModel completed = task(id, "approve");
        assertThat(completed.isOpen()).isFalse();
        assertThat(completed.getFinished()).isEqualTo(T0.plus(Duration.ofHours(2)));
        assertThat(completed.getMessage()).isEqualTo("OK");
        assertThat(completed.getCompletedBy()).isEqualTo("bob");
        assertThat(statuses(id)).containsExactly("start", "approve", "after", "acknowledge");
        assertThat(task(id, "after").getPreviousId()).isEqualTo(taskId);
        assertThat(fixture.instance(id).getDueAt()).isNull();

        // the second form, for alice only
        long ackId = task(id, "acknowledge").getId();
        fixture.inTransaction(engine -> engine.completeForm(ackId, new Approval(true, "seen"), TestCaller.user("alice")));
        assertThat(fixture.instance(id).isFinished()).isTrue();
        assertThat(Json.readMap(fixture.instance(id).getData())).containsKeys("_approve_validated", "_acknowledge_validated");
    }

    @Test
    void aRolledBackCompletionLeavesTheTaskOpen() {
        fixture.register(Approve.class);
        long id = fixture.start(Approve.class, Map.of());
        long taskId = task(id, "approve").getId();

        assertThatThrownBy(() -> fixture.inTransaction(engine -> {
            engine.completeForm(taskId, new Approval(true, "fine"), TestCaller.user("bob", "managers"));
            throw new IllegalStateException("the page failed after completing");
        })).hasMessage("the page failed after completing");

        assertThat(task(id, "approve").isOpen()).isTrue();
        assertThat(statuses(id)).containsExactly("start", "approve");
        assertThat(Json.readMap(fixture.instance(id).getData())).doesNotContainKeys("approved", "_approve_validated");
    }

    @Test
    void completingTwiceIsRefused() {
        fixture.register(Approve.class);
        long id = fixture.start(Approve.class, Map.of());
        long taskId = task(id, "approve").getId();
        fixture.inTransaction(engine -> engine.completeForm(taskId, new Approval(true, "first"), TestCaller.user("bob", "managers")));

        assertThatThrownBy(() -> fixture.inTransaction(engine ->
                engine.completeForm(taskId, new Approval(false, "second"), TestCaller.user("carol", "managers"))))
                .isInstanceOf(TaskAlreadyCompletedException.class)
                .hasMessageContaining("by bob");
        assertThat(Json.readMap(fixture.instance(id).getData())).containsEntry("comment", "first");
        assertThat(task(id, "approve").getCompletedBy()).isEqualTo("bob");
        assertThatThrownBy(() -> fixture.inTransaction(engine -> engine.formTask(taskId, TestCaller.user("bob", "managers"), Map.of())))
                .isInstanceOf(TaskAlreadyCompletedException.class);
    }

    @Test
    void aCallerNotAllowedIsRefusedAndNothingChanges() {
        fixture.register(Approve.class);
        long id = fixture.start(Approve.class, Map.of());
        long taskId = task(id, "approve").getId();
        String dataBefore = fixture.instance(id).getData();

        assertThatThrownBy(() -> fixture.inTransaction(engine ->
                engine.completeForm(taskId, new Approval(true, "sneaky"), TestCaller.user("mallory", "staff"))))
                .isInstanceOf(TaskNotAllowedException.class);
        assertThatThrownBy(() -> fixture.inTransaction(engine -> engine.completeForm(taskId, new Approval(true, "x"), null)))
                .isInstanceOf(TaskNotAllowedException.class);
        assertThatThrownBy(() -> fixture.inTransaction(engine -> engine.formTask(taskId, TestCaller.user("mallory"), Map.of())))
                .isInstanceOf(TaskNotAllowedException.class);
        long notAForm = task(id, "start").getId();
        assertThatThrownBy(() -> fixture.inTransaction(engine -> engine.completeForm(notAForm, new Approval(), TestCaller.admin("root"))))
                .isInstanceOf(TaskNotAllowedException.class);

        AutomationTaskModel form = task(id, "approve");
        assertThat(form.isOpen()).isTrue();
        assertThat(form.getCompletedBy()).isNull();
        assertThat(fixture.instance(id).getData()).isEqualTo(dataBefore);
        assertThat(statuses(id)).containsExactly("start", "approve");
    }

    @Test
    void theContextIsConfiguredThenAutomationThenNodeAndTheTemplateIsTheNodesElseTheMetaDefault() {
        fixture.register(Approve.class);
        long id = fixture.start(Approve.class, Map.of());
        long taskId = task(id, "approve").getId();
        Map<String, Object> configured = Map.of("title", "configured title", "brand", "configured brand", "configuredOnly", true);

        AutomationEngine.FormTask formTask = fixture.inTransaction(engine ->
                engine.formTask(taskId, TestCaller.user("bob", "managers"), configured));

        assertThat(formTask.context()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "title", "node title",
                "brand", "automation brand",
                "configuredOnly", true,
                "automationOnly", "yes",
                "nodeOnly", 3));
        assertThat(formTask.templateName()).isEqualTo("/approvals/form.xhtml");
        assertThat(formTask.form().getFormClass()).isEqualTo(Approval.class);
        assertThat(formTask.task().getId()).isEqualTo(taskId);
        assertThat(formTask.automation().type()).isEqualTo(Approve.class);

        fixture.inTransaction(engine -> engine.completeForm(taskId, new Approval(true, "ok"), TestCaller.user("bob", "managers")));
        long ackId = task(id, "acknowledge").getId();
        AutomationEngine.FormTask ack = fixture.inTransaction(engine -> engine.formTask(ackId, TestCaller.user("alice"), null));
        assertThat(ack.templateName()).isEqualTo("/ack.xhtml");
        assertThat(ack.context()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "title", "automation title", "automationOnly", "yes", "brand", "automation brand"));
        // the form starts with the values already in the data
        Object values = fixture.inTransaction(engine -> engine.formValues(ackId, TestCaller.user("alice")));
        assertThat(values).isInstanceOf(Approval.class);
        assertThat(((Approval) values).comment).isEqualTo("ok");
        assertThat(((Approval) values).approved).isTrue();
    }

    public static class NoTemplate extends Automation {
        final Form fill = form(Approval.class);
        final End end = end();
    }

    @Test
    void withoutNodeOrMetaTemplateThereIsNoTemplateName() {
        fixture.register(NoTemplate.class);
        long id = fixture.start(NoTemplate.class, Map.of());
        long taskId = task(id, "fill").getId();

        AutomationEngine.FormTask formTask = fixture.inTransaction(engine -> engine.formTask(taskId, TestCaller.user("anyone"), Map.of()));
        assertThat(formTask.templateName()).isNull();
        assertThat(formTask.context()).isEmpty();
        // a form without user, group or permission is open to every caller
        assertThat(openFormsFor(TestCaller.user("anyone"))).containsExactly("fill");
    }

    /** Four forms at once, one per path, each with other requirements. */
    public static class Permissions extends Automation {
        final Split parallel = split().next("forAlice").next("forManagers").next("forSigners").next("forAll3");
        final Form forAlice = form(Approval.class).user("alice").next("join");
        final Form forManagers = form(Approval.class).group("managers").next("join");
        final Form forSigners = form(Approval.class).permission("offers.approve").permission("offers.sign").next("join");
        final Form forAll3 = form(Approval.class).user("bob").group("managers").permission("offers.approve");
        final Join join = join();
        final End end = end();
    }

    @Test
    void userGroupAndEveryPermissionMustAllHoldAndAnAdministratorAlwaysMay() {
        fixture.register(Permissions.class);
        long id = fixture.start(Permissions.class, Map.of());
        assertThat(fixture.instance(id).getDueAt()).isNull();
        assertThat(task(id, "forSigners").getInteractionPermissions()).isEqualTo("offers.approve,offers.sign");

        assertThat(openFormsFor(TestCaller.user("alice"))).containsExactly("forAlice");
        assertThat(openFormsFor(TestCaller.user("alice", "managers"))).containsExactly("forAlice", "forManagers");
        assertThat(openFormsFor(TestCaller.withPermissions("carol", "offers.approve"))).isEmpty();
        assertThat(openFormsFor(TestCaller.withPermissions("carol", "offers.approve", "offers.sign"))).containsExactly("forSigners");
        assertThat(openFormsFor(TestCaller.user("bob", "managers"))).containsExactly("forManagers");
        assertThat(openFormsFor(new TestCaller("bob", java.util.Set.of("managers"), java.util.Set.of("offers.approve"), false)))
                .containsExactly("forManagers", "forAll3");
        assertThat(openFormsFor(new TestCaller("dave", java.util.Set.of("managers"), java.util.Set.of("offers.approve"), false)))
                .containsExactly("forManagers");
        assertThat(openFormsFor(TestCaller.admin("root"))).containsExactly("forAlice", "forManagers", "forSigners", "forAll3");
        assertThat(openFormsFor(null)).isEmpty();

        AutomationTaskModel forAll3 = task(id, "forAll3");
        assertThat(AutomationEngine.mayProcess(TestCaller.user("bob", "managers"), forAll3)).isFalse();
        assertThat(AutomationEngine.mayProcess(TestCaller.admin("root"), forAll3)).isTrue();

        // everyone completes their own; the administrator completes the one for the signers
        complete(task(id, "forAlice").getId(), TestCaller.user("alice"));
        complete(task(id, "forManagers").getId(), TestCaller.user("dave", "managers"));
        complete(task(id, "forAll3").getId(),
                new TestCaller("bob", java.util.Set.of("managers"), java.util.Set.of("offers.approve"), false));
        assertThat(fixture.instance(id).isFinished()).isFalse();
        complete(task(id, "forSigners").getId(), TestCaller.admin("root"));

        assertThat(fixture.instance(id).isFinished()).isTrue();
        assertThat(fixture.tasks(id)).filteredOn(AutomationTaskModel::isInteraction)
                .extracting(AutomationTaskModel::getCompletedBy).containsExactly("alice", "dave", "root", "bob");
        assertThat(openFormsFor(TestCaller.admin("root"))).isEmpty();
    }

    private void complete(long taskId, Caller caller) {
        fixture.inTransaction(engine -> engine.completeForm(taskId, new Approval(true, caller.name()), caller));
    }

    /** Three paths; the form's path reaches the join while another path still waits. */
    public static class FormInSplit extends Automation {
        final Split parallel = split().next("review").next("quick").next("slow");
        final Form review = form(Approval.class).group("managers").next("join");
        final Execute quick = execute().next("join");
        final Execute slow = execute().afterWaitingFor(Duration.ofDays(1)).next("join");
        final Join join = join();
        final Execute after = execute(task -> {
            task.data().put("joinedAt", task.now().toString());
        });
        final End end = end();
    }

    @Test
    void completingAFormInASplitDoesNotReleaseTheJoinBeforeEveryPathHasArrived() {
        fixture.register(FormInSplit.class);
        long id = fixture.start(FormInSplit.class, Map.of());
        long taskId = task(id, "review").getId();

        fixture.inTransaction(engine -> engine.completeForm(taskId, new Approval(true, "ok"), TestCaller.user("bob", "managers")));

        assertThat(Json.readMap(fixture.instance(id).getData())).doesNotContainKey("joinedAt");
        assertThat(fixture.tasks(id)).filteredOn(AutomationTaskModel::isOpen).extracting(AutomationTaskModel::getStatus)
                .containsExactlyInAnyOrder("slow", "join", "join");
        assertThat(fixture.instance(id).getDueAt()).isEqualTo(T0.plus(Duration.ofDays(1)));

        fixture.clock.advance(Duration.ofDays(1));
        fixture.step();
        assertThat(fixture.instance(id).isFinished()).isTrue();
        assertThat(Json.readMap(fixture.instance(id).getData())).containsEntry("joinedAt", "2026-03-03T09:00:00Z");
    }

    // ---------------------------------------------------------------- model form

    public static class EditCustomer extends Automation {
        // ModelForm extends Form, whose modifiers return Form: the field is declared as Form
        final Form edit = modelForm(Customer.class, "customer").group("sales");
        final Execute greet = execute(task -> {
            Customer customer = model("customer", Customer.class);
            task.data().put("greeting", "Hello " + customer.getName());
        });
        final End end = end();
    }

    @Test
    void aModelFormEditsTheEntityWhoseIdIsInTheData() {
        fixture.register(EditCustomer.class);
        Customer stored = fixture.inEntityManager(em -> {
            Customer customer = new Customer("Ada", "ada@example.org");
            em.persist(customer);
            return customer;
        });
        long id = fixture.inTransaction(engine -> engine.start(EditCustomer.class, Map.of("customer", stored), null, true).getId());
        assertThat(Json.readMap(fixture.instance(id).getData())).containsEntry("customer", stored.getId().intValue());
        long taskId = task(id, "edit").getId();
        Caller sales = TestCaller.user("sam", "sales");

        Customer shown = (Customer) fixture.inTransaction(engine -> engine.formValues(taskId, sales));
        assertThat(shown.getId()).isEqualTo(stored.getId());
        assertThat(shown.getName()).isEqualTo("Ada");
        shown.setName("Ada Lovelace");
        fixture.inTransaction(engine -> engine.completeForm(taskId, shown, sales));

        Customer reloaded = fixture.inEntityManager(em -> em.find(Customer.class, stored.getId()));
        assertThat(reloaded.getName()).isEqualTo("Ada Lovelace");
        assertThat(reloaded.getEmail()).isEqualTo("ada@example.org");
        Map<String, Object> data = Json.readMap(fixture.instance(id).getData());
        assertThat(((Number) data.get("customer")).longValue()).isEqualTo(stored.getId());
        assertThat(data).containsEntry("greeting", "Hello Ada Lovelace");
        assertThat(data.get("_edit_validated")).isEqualTo(Map.of("user", "sam", "time", "2026-03-02T09:00:00Z"));
        assertThat(fixture.instance(id).isFinished()).isTrue();
        long customers = fixture.inEntityManager(em -> em.createQuery("SELECT COUNT(c) FROM Customer c", Long.class).getSingleResult());
        assertThat(customers).isEqualTo(1);
    }

    @Test
    void aModelFormWithoutTheKeyCreatesTheEntityAndStoresItsId() {
        fixture.register(EditCustomer.class);
        long id = fixture.start(EditCustomer.class, Map.of());
        long taskId = task(id, "edit").getId();
        Caller sales = TestCaller.user("sam", "sales");

        Customer fresh = (Customer) fixture.inTransaction(engine -> engine.formValues(taskId, sales));
        assertThat(fresh.getId()).isNull();
        fresh.setName("Grace");
        fresh.setEmail("grace@example.org");
        fixture.inTransaction(engine -> engine.completeForm(taskId, fresh, sales));

        Map<String, Object> data = Json.readMap(fixture.instance(id).getData());
        long customerId = ((Number) data.get("customer")).longValue();
        Customer created = fixture.inEntityManager(em -> em.find(Customer.class, customerId));
        assertThat(created.getName()).isEqualTo("Grace");
        assertThat(data).containsEntry("greeting", "Hello Grace");
    }
}
