package org.automations.benchmark.app;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Future;
import org.automations.engine.Caller;
import org.automations.engine.Json;
import org.automations.flow.Automation;
import org.automations.persistence.AutomationModel;
import org.automations.persistence.AutomationState;
import org.automations.persistence.AutomationTaskModel;
import org.automations.runtime.AutomationService;
import org.eclipse.persistence.jpa.JpaEntityManagerFactory;
import org.eclipse.persistence.sessions.server.ServerSession;

/**
 * Runs the benchmark's scenarios inside the deployment, through the product's
 * {@link AutomationService} exactly as an application would: each start is its own container
 * transaction (this bean runs without one), each tick is {@link AutomationService#step()}, the
 * task list is {@link AutomationService#openFormTasks(Caller, int)}. Every scenario verifies its
 * instances in the database before it reports {@code "verified":true}.
 *
 * <p>{@link #run(String, String, int)} returns the scenario's JSON lines, separated by newlines.
 */
@Stateless
@LocalBean
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BenchmarkDriver {

    public static final String JNDI_NAME =
            "java:global/automations/automations-ejb/BenchmarkDriver!org.automations.benchmark.app.BenchmarkDriver";

    static final int WARM_UP = 300;
    static final int LATENCY_STARTS = 200;
    static final int THREADS = 4;
    static final int TIMED_TICKS = 9;
    static final int COUNTED_INSTANCES = 100;

    @EJB
    AutomationService automations;

    @PersistenceContext(unitName = "automations")
    EntityManager em;

    @Resource
    ManagedExecutorService executor;

    @Resource
    SessionContext context;

    /** A user of the group the parked forms are for. */
    static final Caller USER = new Caller() {
        @Override
        public String name() {
            return "bench-user";
        }

        @Override
        public boolean isInGroup(String group) {
            return FormParked.GROUP.equals(group);
        }

        @Override
        public java.util.Set<String> groups() {
            return java.util.Set.of(FormParked.GROUP);
        }

        @Override
        public boolean hasPermission(String permission) {
            return false;
        }

        @Override
        public boolean isAdministrator() {
            return false;
        }
    };

    public String run(String scenario, String db, int n) throws Exception {
        return switch (scenario) {
            case "warmup" -> warmUp();
            case "linear10" -> sequential("linear10", LinearTen.class, db, n, 11, 10, 11);
            case "split_join" -> sequential("split_join", SplitJoin.class, db, n, 7, 4, 9);
            case "linear10_concurrent" -> concurrent(db, n);
            case "start_latency" -> startLatency(db);
            case "tick_with_timer_waiting" -> tickWithTimers(db, n);
            case "tick_with_form_waiting" -> tickWithForms(db, n);
            case "statements" -> statements(db);
            default -> throw new IllegalArgumentException("No scenario " + scenario);
        };
    }

    // ---------------------------------------------------------------- scenarios

    /** Uncounted instances of every kind, so the timed runs meet a warm JIT, pool and caches. */
    private String warmUp() throws Exception {
        List<Long> linear = startAll(LinearTen.class, WARM_UP);
        List<Long> split = startAll(SplitJoin.class, WARM_UP);
        List<Long> concurrent = startConcurrently(WARM_UP);
        check(verifyFinished(linear, 10, 11));
        check(verifyFinished(split, 4, 9));
        check(verifyFinished(concurrent, 10, 11));
        for (int i = 0; i < 20; i++) {
            automations.step();
            automations.openFormTasks(USER);
        }
        return "";
    }

    private String sequential(String name, Class<? extends Automation> type, String db, int n, int steps,
                              int expectedN, int taskRows) {
        long begin = System.nanoTime();
        List<Long> ids = startAll(type, n);
        double seconds = (System.nanoTime() - begin) / 1e9;
        String error = verifyFinished(ids, expectedN, taskRows);
        return throughput(name, db, n, seconds, steps, error);
    }

    private String concurrent(String db, int n) throws Exception {
        long begin = System.nanoTime();
        List<Long> ids = startConcurrently(n);
        double seconds = (System.nanoTime() - begin) / 1e9;
        String error = verifyFinished(ids, 10, 11);
        return throughput("linear10_concurrent", db, n, seconds, 11, error);
    }

    private String startLatency(String db) {
        double[] millis = new double[LATENCY_STARTS];
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < LATENCY_STARTS; i++) {
            long begin = System.nanoTime();
            ids.add(automations.start(LinearTen.class, Map.of("n", 0)).getId());
            millis[i] = (System.nanoTime() - begin) / 1e6;
        }
        Arrays.sort(millis);
        String error = verifyFinished(ids, 10, 11);
        return json("scenario", "start_latency", "engine", "automations", "db", db, "n", LATENCY_STARTS,
                "median_ms", round(percentile(millis, 50), 3), "p90_ms", round(percentile(millis, 90), 3),
                "p99_ms", round(percentile(millis, 99), 3), "verified", error == null, "error", error);
    }

    private String tickWithTimers(String db, int n) {
        List<String> lines = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (int parked : new int[] {n, 4 * n}) {
            ids.addAll(startAll(TimerParked.class, parked - ids.size()));
            refreshStatistics(db);
            String error = verifyParked(ids, true);
            Tick tick = timeTicks();
            if (error == null && tick.ran() != 0) {
                error = "a tick ran " + tick.ran() + " instances; none is due";
            }
            lines.add(json("scenario", "tick_with_timer_waiting", "engine", "automations", "db", db,
                    "parked", ids.size(), "tick_seconds", round(tick.median(), 6), "verified", error == null,
                    "error", error));
        }
        deleteAll(TimerParked.class);
        return String.join("\n", lines);
    }

    private String tickWithForms(String db, int n) {
        List<String> lines = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (int parked : new int[] {n, 4 * n}) {
            ids.addAll(startAll(FormParked.class, parked - ids.size()));
            refreshStatistics(db);
            String error = verifyParked(ids, false);
            Tick tick = timeTicks();
            if (error == null && tick.ran() != 0) {
                error = "a tick ran " + tick.ran() + " instances; none is due";
            }
            double[] listSeconds = new double[TIMED_TICKS];
            int listed = 0;
            for (int i = -3; i < TIMED_TICKS; i++) {
                long begin = System.nanoTime();
                List<AutomationTaskModel> first = firstOpenTasks(50);
                if (i >= 0) {
                    listSeconds[i] = (System.nanoTime() - begin) / 1e9;
                }
                listed = first.size();
            }
            Arrays.sort(listSeconds);
            if (error == null && listed != Math.min(50, ids.size())) {
                error = "the task list showed " + listed + " tasks, not " + Math.min(50, ids.size());
            }
            lines.add(json("scenario", "tick_with_form_waiting", "engine", "automations", "db", db,
                    "parked", ids.size(), "tick_seconds", round(tick.median(), 6),
                    "task_list_seconds", round(percentile(listSeconds, 50), 6), "verified", error == null,
                    "error", error));
        }
        deleteAll(FormParked.class);
        return String.join("\n", lines);
    }

    /**
     * After parking thousands of rows, lets PostgreSQL's planner know them, as its autovacuum does
     * in a running system (with statistics from before the parking it picks the state index and
     * reads every running row instead of the empty due-time range).
     */
    private void refreshStatistics(String db) {
        if ("postgresql".equals(db)) {
            context.getBusinessObject(BenchmarkDriver.class).analyze();
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void analyze() {
        em.createNativeQuery("ANALYZE ATM_AUTOMATION").executeUpdate();
        em.createNativeQuery("ANALYZE ATM_TASK").executeUpdate();
    }

    /** The user's first 50 open tasks, as the task list page gets them. */
    private List<AutomationTaskModel> firstOpenTasks(int max) {
        return automations.openFormTasks(USER, max);
    }

    /** SQL statements per instance, counted from EclipseLink's SQL log (not timed). */
    private String statements(String db) {
        ServerSession session = em.getEntityManagerFactory().unwrap(JpaEntityManagerFactory.class).getServerSession();
        StatementCounter counter = new StatementCounter(session.getSessionLog());
        session.setSessionLog(counter);
        try {
            counter.start();
            List<Long> linear = startAll(LinearTen.class, COUNTED_INSTANCES);
            counter.stop();
            long linearSelects = counter.selects.get();
            long linearInserts = counter.inserts.get();
            long linearUpdates = counter.updates.get();
            long linearDeletes = counter.deletes.get();
            long linearTotal = counter.total();

            counter.start();
            List<Long> split = startAll(SplitJoin.class, COUNTED_INSTANCES);
            counter.stop();
            long splitTotal = counter.total();

            counter.start();
            automations.step();
            counter.stop();
            long tickTotal = counter.total();

            String error = verifyFinished(linear, 10, 11);
            if (error == null) {
                error = verifyFinished(split, 4, 9);
            }
            if (error == null && linearTotal == 0) {
                error = "no statement was counted: EclipseLink's SQL log did not reach the counter";
            }
            double per = COUNTED_INSTANCES;
            return json("scenario", "statements", "engine", "automations", "db", db, "n", COUNTED_INSTANCES,
                    "linear10_statements_per_instance", round(linearTotal / per, 2),
                    "linear10_selects", round(linearSelects / per, 2), "linear10_inserts", round(linearInserts / per, 2),
                    "linear10_updates", round(linearUpdates / per, 2), "linear10_deletes", round(linearDeletes / per, 2),
                    "split_join_statements_per_instance", round(splitTotal / per, 2),
                    "tick_statements", tickTotal, "verified", error == null, "error", error);
        } finally {
            counter.stop();
            session.setSessionLog(counter.original());
        }
    }

    // ---------------------------------------------------------------- helpers

    private List<Long> startAll(Class<? extends Automation> type, int count) {
        List<Long> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(automations.start(type, Map.of("n", 0)).getId());
        }
        return ids;
    }

    private List<Long> startConcurrently(int count) throws Exception {
        ConcurrentLinkedQueue<Long> ids = new ConcurrentLinkedQueue<>();
        List<Future<?>> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int share = count / THREADS + (t < count % THREADS ? 1 : 0);
            threads.add(executor.submit(() -> {
                for (int i = 0; i < share; i++) {
                    ids.add(automations.start(LinearTen.class, Map.of("n", 0)).getId());
                }
            }));
        }
        for (Future<?> thread : threads) {
            thread.get();
        }
        return new ArrayList<>(ids);
    }

    private record Tick(double median, int ran) {
    }

    /** A few untimed ticks, then the median of {@link #TIMED_TICKS} timed ones. */
    private Tick timeTicks() {
        int ran = 0;
        for (int i = 0; i < 3; i++) {
            ran += automations.step();
        }
        double[] seconds = new double[TIMED_TICKS];
        for (int i = 0; i < TIMED_TICKS; i++) {
            long begin = System.nanoTime();
            ran += automations.step();
            seconds[i] = (System.nanoTime() - begin) / 1e9;
        }
        Arrays.sort(seconds);
        return new Tick(percentile(seconds, 50), ran);
    }

    /** Every instance finished, with data.n as expected and every task row kept and closed; or what is wrong. */
    private String verifyFinished(List<Long> ids, int expectedN, int taskRowsEach) {
        if (ids.size() != Collections.unmodifiableList(ids).stream().distinct().count()) {
            return "duplicate instance ids";
        }
        long rows = 0;
        long openTasks = 0;
        long taskRows = 0;
        for (List<Long> chunk : chunks(ids)) {
            for (Object[] row : em.createQuery("SELECT a.id, a.state, a.data FROM AutomationModel a WHERE a.id IN :ids",
                    Object[].class).setParameter("ids", chunk).getResultList()) {
                rows++;
                if (row[1] != AutomationState.FINISHED) {
                    return "instance " + row[0] + " is " + row[1] + ", not FINISHED";
                }
                Object n = Json.readMap((String) row[2]).get("n");
                if (!(n instanceof Number number) || number.intValue() != expectedN) {
                    return "instance " + row[0] + " has n = " + n + ", not " + expectedN;
                }
            }
            openTasks += em.createQuery("SELECT COUNT(t) FROM AutomationTaskModel t WHERE t.automation.id IN :ids"
                    + " AND t.finished IS NULL", Long.class).setParameter("ids", chunk).getSingleResult();
            taskRows += em.createQuery("SELECT COUNT(t) FROM AutomationTaskModel t WHERE t.automation.id IN :ids",
                    Long.class).setParameter("ids", chunk).getSingleResult();
        }
        if (rows != ids.size()) {
            return "found " + rows + " of " + ids.size() + " instances";
        }
        if (openTasks != 0) {
            return openTasks + " tasks are still open";
        }
        if (taskRows != (long) taskRowsEach * ids.size()) {
            return "found " + taskRows + " task rows, expected " + taskRowsEach + " per instance";
        }
        return null;
    }

    /** Every instance running with n = 1, waiting a day (timer) or at its form with nothing due (form). */
    private String verifyParked(List<Long> ids, boolean timer) {
        Instant dayLess = Instant.now().plus(Duration.ofHours(23));
        long rows = 0;
        long openTasks = 0;
        for (List<Long> chunk : chunks(ids)) {
            for (AutomationModel model : em.createQuery("SELECT a FROM AutomationModel a WHERE a.id IN :ids",
                    AutomationModel.class).setParameter("ids", chunk).getResultList()) {
                rows++;
                if (model.getState() != AutomationState.RUNNING) {
                    return "parked instance " + model.getId() + " is " + model.getState();
                }
                Object n = Json.readMap(model.getData()).get("n");
                if (!(n instanceof Number number) || number.intValue() != 1) {
                    return "parked instance " + model.getId() + " has n = " + n + ", not 1";
                }
                if (timer ? model.getDueAt() == null || model.getDueAt().isBefore(dayLess) : model.getDueAt() != null) {
                    return "parked instance " + model.getId() + " is due at " + model.getDueAt();
                }
            }
            openTasks += em.createQuery("SELECT COUNT(t) FROM AutomationTaskModel t WHERE t.automation.id IN :ids"
                    + " AND t.finished IS NULL AND t.status = :node AND t.interaction = :form", Long.class)
                    .setParameter("ids", chunk).setParameter("node", timer ? "later" : "review")
                    .setParameter("form", !timer).getSingleResult();
        }
        if (rows != ids.size()) {
            return "found " + rows + " of " + ids.size() + " parked instances";
        }
        if (openTasks != ids.size()) {
            return openTasks + " of " + ids.size() + " parked instances wait where they should";
        }
        return null;
    }

    /** Removes the parked instances of a scenario, so that the next one parks its own alone. */
    private void deleteAll(Class<? extends Automation> type) {
        List<Long> ids = em.createQuery("SELECT a.id FROM AutomationModel a WHERE a.automationClass = :type", Long.class)
                .setParameter("type", type.getName()).getResultList();
        BenchmarkDriver self = context.getBusinessObject(BenchmarkDriver.class);
        for (List<Long> chunk : chunks(ids)) {
            self.delete(chunk);
        }
    }

    /** Deletes instances and their tasks, in a transaction of its own. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void delete(List<Long> ids) {
        em.createNamedQuery(AutomationTaskModel.DELETE_OF_AUTOMATIONS).setParameter("ids", ids).executeUpdate();
        em.createNamedQuery(AutomationModel.DELETE_BY_IDS).setParameter("ids", ids).executeUpdate();
    }

    private static List<List<Long>> chunks(List<Long> ids) {
        List<List<Long>> chunks = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += 500) {
            chunks.add(ids.subList(i, Math.min(ids.size(), i + 500)));
        }
        return chunks;
    }

    private static void check(String error) {
        if (error != null) {
            throw new IllegalStateException("warm-up: " + error);
        }
    }

    private static String throughput(String name, String db, int n, double seconds, int steps, String error) {
        return json("scenario", name, "engine", "automations", "db", db, "n", n, "seconds", round(seconds, 3),
                "instances_per_s", round(n / seconds, 1), "steps_per_s", round((double) n * steps / seconds, 1),
                "verified", error == null, "error", error);
    }

    static double percentile(double[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static Number round(double value, int decimals) {
        return new java.math.BigDecimal(value).setScale(decimals, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
    }

    /** One JSON object from name/value pairs; a null value is left out. */
    static String json(Object... pairs) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < pairs.length; i += 2) {
            Object value = pairs[i + 1];
            if (value == null) {
                continue;
            }
            if (out.length() > 1) {
                out.append(',');
            }
            out.append('"').append(pairs[i]).append("\":");
            if (value instanceof Number || value instanceof Boolean) {
                out.append(value instanceof java.math.BigDecimal big ? big.toPlainString() : value.toString());
            } else {
                out.append(Json.write(value.toString()));
            }
        }
        return out.append('}').toString();
    }
}
