package org.automations.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Execute;
import org.automations.flow.RequireData;
import org.automations.flow.SendMessage;
import org.automations.flow.Unique;
import org.automations.persistence.AutomationModel;
import org.automations.persistence.AutomationState;
import org.automations.persistence.AutomationTaskModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Receivers, send/dispatch/broadcast, createOnMessage, data requirements, and the send message node. */
class MessagesTest {

    private final EngineFixture fixture = new EngineFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    private Object answer(java.util.function.Function<AutomationEngine, Object> send) {
        return fixture.inTransaction(send);
    }

    private Map<String, Object> data(long id) {
        return Json.readMap(fixture.instance(id).getData());
    }

    public static class Subscriptions extends Automation {
        final Execute start = execute();
        final Execute waitForClose = execute().asSoonAs(task -> Boolean.TRUE.equals(task.data().get("closed")));
        final End end = end();

        @SuppressWarnings("unchecked")
        public Object receiveSubscribe(String token, Map<String, Object> data) {
            ((List<Object>) data().computeIfAbsent("subscribers", k -> new ArrayList<>())).add(token + ":" + data.get("email"));
            return "subscribed " + data.get("email");
        }

        @RequireData(name = "count", type = Integer.class)
        @RequireData(name = "who", type = String.class)
        public Object receiveCount(String token, Map<String, Object> data) {
            data().put("count", data.get("count"));
            return "counted";
        }

        public Object receiveCatch(String token, Map<String, Object> data) {
            data().put("sawBroadcast", token);
            return Boolean.TRUE.equals(data().get("catcher")) ? "received" : "passed " + id();
        }

        public Object receiveClose(String token, Map<String, Object> data) {
            data().put("closed", true);
            return null;
        }
    }

    @Test
    void aReceiverGetsTokenAndDataChangesTheInstanceAndAnswers() {
        fixture.register(Subscriptions.class);
        long id = fixture.start(Subscriptions.class, Map.of());

        Object first = fixture.inTransaction(engine -> engine.sendMessage(id, "subscribe", "web", Map.of("email", "a@example.org")));
        Object second = fixture.inTransaction(engine -> engine.sendMessage(id, "subscribe", "cms", Map.of("email", "b@example.org")));

        assertThat(first).isEqualTo("subscribed a@example.org");
        assertThat(second).isEqualTo("subscribed b@example.org");
        assertThat(data(id)).containsEntry("subscribers", List.of("web:a@example.org", "cms:b@example.org"));

        // a message can change the course of the instance: close lets it finish on the next run
        assertThat(fixture.instance(id).getDueAt()).isNotNull();
        fixture.inTransaction(engine -> engine.sendMessage(id, "close", null, null));
        fixture.step();
        assertThat(fixture.instance(id).isFinished()).isTrue();
        // a finished instance no longer receives messages
        Object late = fixture.inTransaction(engine -> engine.sendMessage(id, "subscribe", "web", Map.of("email", "c@example.org")));
        assertThat(late).isNull();
        assertThat(data(id).get("subscribers")).asList().hasSize(2);
    }

    @Test
    void unknownTargetsAnswerNullAndAMessageWithoutReceiverIsAnError() {
        fixture.register(Subscriptions.class);
        long id = fixture.start(Subscriptions.class, Map.of());
        String key = fixture.instance(id).getKey();

        assertThat(answer(engine -> engine.sendMessage(id + 1000, "subscribe", "t", Map.of("email", "x")))).isNull();
        assertThat(answer(engine -> engine.dispatchMessage(id + 1000, "subscribe", "t", Map.of("email", "x")))).isNull();
        assertThat(answer(engine -> engine.dispatchMessage("no-such-key", "subscribe", "t", Map.of("email", "x")))).isNull();
        assertThat(answer(engine -> engine.dispatchMessage((int) id, "subscribe", "by-id", Map.of("email", "i"))))
                .isEqualTo("subscribed i");
        assertThat(answer(engine -> engine.dispatchMessage(key, "subscribe", "by-key", Map.of("email", "k"))))
                .isEqualTo("subscribed k");
        assertThat(data(id)).containsEntry("subscribers", List.of("by-id:i", "by-key:k"));

        assertThatThrownBy(() -> fixture.inTransaction(engine -> engine.sendMessage(id, "unsubscribe", null, Map.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no receiver for message 'unsubscribe'")
                .hasMessageContaining("receiveUnsubscribe(String token, Map<String, Object> data)");
    }

    @Test
    void requiredDataMustBePresentAndConvertibleOrTheMessageIsNotDelivered() {
        fixture.register(Subscriptions.class);
        long id = fixture.start(Subscriptions.class, Map.of());

        assertThat(answer(engine -> engine.sendMessage(id, "count", null, Map.of("count", "abc", "who", "x")))).isNull();
        assertThat(answer(engine -> engine.sendMessage(id, "count", null, Map.of("who", "x")))).isNull();
        assertThat(answer(engine -> engine.sendMessage(id, "count", null, Map.of("count", 3)))).isNull();
        assertThat(answer(engine -> engine.sendMessage(id, "count", null, null))).isNull();
        assertThat(data(id)).doesNotContainKey("count");

        assertThat(answer(engine -> engine.sendMessage(id, "count", null, Map.of("count", "12", "who", 7))))
                .isEqualTo("counted");
        assertThat(data(id)).containsEntry("count", "12");
        assertThat(answer(engine -> engine.sendMessage(id, "count", null, Map.of("count", 13, "who", "x"))))
                .isEqualTo("counted");
        assertThat(data(id)).containsEntry("count", 13);
    }

    @Test
    void satisfiesDataRequirementsAppliesTheSameCheck() {
        fixture.register(Subscriptions.class);
        AutomationEngine engine = fixture.engine(null);

        assertThat(engine.satisfiesDataRequirements(Subscriptions.class, "count", Map.of("count", "12", "who", "me"))).isTrue();
        assertThat(engine.satisfiesDataRequirements(Subscriptions.class, "count", Map.of("count", 12, "who", "me"))).isTrue();
        assertThat(engine.satisfiesDataRequirements(Subscriptions.class, "count", Map.of("count", "abc", "who", "me"))).isFalse();
        assertThat(engine.satisfiesDataRequirements(Subscriptions.class, "count", Map.of("count", "12"))).isFalse();
        assertThat(engine.satisfiesDataRequirements(Subscriptions.class, "count", null)).isFalse();
        // no requirements declared: any data satisfies them
        assertThat(engine.satisfiesDataRequirements(Subscriptions.class, "subscribe", Map.of())).isTrue();
        // no such receiver
        assertThat(engine.satisfiesDataRequirements(Subscriptions.class, "unsubscribe", Map.of())).isFalse();
    }

    @Test
    void aBroadcastStopsAtTheReceiverThatAnswersReceived() {
        fixture.register(Subscriptions.class);
        long first = fixture.start(Subscriptions.class, Map.of());
        long catcher = fixture.start(Subscriptions.class, Map.of("catcher", true));
        long third = fixture.start(Subscriptions.class, Map.of());

        List<Object> answers = fixture.inTransaction(engine -> engine.broadcastMessage(Subscriptions.class, "catch", "news", Map.of()));

        assertThat(answers).containsExactly("passed " + first, "received");
        assertThat(data(first)).containsEntry("sawBroadcast", "news");
        assertThat(data(catcher)).containsEntry("sawBroadcast", "news");
        assertThat(data(third)).doesNotContainKey("sawBroadcast");

        // without a catcher every running instance gets it
        fixture.inTransaction(engine -> engine.sendMessage(catcher, "close", null, Map.of()));
        fixture.step();
        assertThat(fixture.instance(catcher).isFinished()).isTrue();
        List<Object> all = fixture.inTransaction(engine -> engine.broadcastMessage(Subscriptions.class, "catch", "again", Map.of()));
        assertThat(all).containsExactly("passed " + first, "passed " + third);
        assertThat(data(third)).containsEntry("sawBroadcast", "again");
    }

    @Unique({"email"})
    public static class Signup extends Automation {
        final Execute welcome = execute(task -> {
            task.data().put("welcomedFrom", task.data().get("source"));
        });
        final Execute waitForClose = execute().asSoonAs(task -> Boolean.TRUE.equals(task.data().get("closed")));
        final End end = end();

        public Object receiveVisit(String token, Map<String, Object> data) {
            data().put("source", token);
            data().put("page", data.get("page"));
            return "visited";
        }
    }

    @Test
    void createOnMessageDeliversTheMessageBeforeTheFirstRunAndTakesUniqueParametersFromTheData() {
        fixture.register(Signup.class);

        AutomationModel created = fixture.inTransaction(engine ->
                engine.createOnMessage(Signup.class, "visit", "newsletter", Map.of("email", "a@example.org", "page", "/home")));
        long id = created.getId();

        Map<String, Object> data = data(id);
        assertThat(data)
                .containsEntry("email", "a@example.org")
                .containsEntry("source", "newsletter")
                .containsEntry("page", "/home")
                .containsEntry("welcomedFrom", "newsletter");
        assertThat(fixture.tasks(id)).extracting(AutomationTaskModel::getStatus).containsExactly("welcome", "waitForClose");
        assertThat(fixture.instance(id).getState()).isEqualTo(AutomationState.RUNNING);

        // the same e-mail: the running instance gets the message, no second instance
        AutomationModel again = fixture.inTransaction(engine ->
                engine.createOnMessage(Signup.class, "visit", "shop", Map.of("email", "a@example.org", "page", "/cart")));
        assertThat(again.getId()).isEqualTo(id);
        assertThat(data(id)).containsEntry("page", "/cart").containsEntry("welcomedFrom", "newsletter");

        AutomationModel other = fixture.inTransaction(engine ->
                engine.createOnMessage(Signup.class, "visit", "shop", Map.of("email", "b@example.org", "page", "/")));
        assertThat(other.getId()).isNotEqualTo(id);
        assertThat(data(other.getId())).containsEntry("welcomedFrom", "shop");
    }

    @Test
    void createOnMessageNeedsAReceiverAndTheUniqueParameters() {
        fixture.register(Signup.class);

        assertThatThrownBy(() -> fixture.inTransaction(engine ->
                engine.createOnMessage(Signup.class, "leave", null, Map.of("email", "a@example.org"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no receiver for message 'leave'");
        assertThatThrownBy(() -> fixture.inTransaction(engine ->
                engine.createOnMessage(Signup.class, "visit", null, Map.of("page", "/"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("start it with data containing 'email'");
        long instances = fixture.inEntityManager(em -> em.createQuery("SELECT COUNT(a) FROM AutomationModel a", Long.class)
                .getSingleResult());
        assertThat(instances).isZero();
    }

    // ---------------------------------------------------------------- the send message node

    public static class Listener extends Automation {
        final Execute start = execute();
        final Execute waitForClose = execute().asSoonAs(task -> Boolean.TRUE.equals(task.data().get("closed")));
        final End end = end();

        @SuppressWarnings("unchecked")
        public Object receiveNote(String token, Map<String, Object> data) {
            ((List<Object>) data().computeIfAbsent("notes", k -> new ArrayList<>())).add(token + " from " + data.get("from"));
            return "noted by " + id();
        }
    }

    public static class Notifier extends Automation {
        final SendMessage toOne = sendMessageTo(task -> (Number) task.data().get("target"), "note")
                .token("direct")
                .data(task -> Map.of("from", task.automationId()));
        final SendMessage toClass = sendMessage(Listener.class, "note").token("class").data(Map.of("from", "notifier"));
        final SendMessage toClassName = SendMessage.toAll(Listener.class.getName(), "note").token("name");
        final SendMessage toUnknown = SendMessage.toInstance(987_654_321L, "note");
        final End end = end();
    }

    @Test
    void theSendMessageNodeSendsToAnInstanceOrToAllOfAClassAndStoresTheAnswers() {
        fixture.register(Listener.class).register(Notifier.class);
        long first = fixture.start(Listener.class, Map.of());
        long second = fixture.start(Listener.class, Map.of());
        fixture.inTransaction(engine -> engine.sendMessage(second, "note", "before", Map.of("from", "test")));

        long notifier = fixture.start(Notifier.class, Map.of("target", second));

        assertThat(fixture.instance(notifier).isFinished()).isTrue();
        List<AutomationTaskModel> tasks = fixture.tasks(notifier);
        assertThat(tasks).extracting(AutomationTaskModel::getStatus)
                .containsExactly("toOne", "toClass", "toClassName", "toUnknown", "end");
        assertThat(tasks).extracting(AutomationTaskModel::getMessage).containsOnly("OK");
        assertThat(tasks).extracting(AutomationTaskModel::getResult).containsExactly(
                "[\"noted by " + second + "\"]",
                "[\"noted by " + first + "\",\"noted by " + second + "\"]",
                "[\"noted by " + first + "\",\"noted by " + second + "\"]",
                "[null]",
                null);
        assertThat(data(first)).containsEntry("notes", List.of("class from notifier", "name from null"));
        assertThat(data(second)).containsEntry("notes",
                List.of("before from test", "direct from " + notifier, "class from notifier", "name from null"));
    }
}
