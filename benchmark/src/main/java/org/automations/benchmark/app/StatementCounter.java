package org.automations.benchmark.app;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.persistence.logging.AbstractSessionLog;
import org.eclipse.persistence.logging.SessionLog;
import org.eclipse.persistence.logging.SessionLogEntry;

/**
 * EclipseLink's session log, wrapped: while counting, every SQL statement the persistence unit
 * sends (category "sql", level FINE) is counted by kind instead of logged; everything else goes to
 * the original log unchanged.
 */
final class StatementCounter extends AbstractSessionLog {

    private final SessionLog original;
    private volatile boolean counting;
    final AtomicLong selects = new AtomicLong();
    final AtomicLong inserts = new AtomicLong();
    final AtomicLong updates = new AtomicLong();
    final AtomicLong deletes = new AtomicLong();
    final AtomicLong other = new AtomicLong();

    StatementCounter(SessionLog original) {
        this.original = original;
        setLevel(original.getLevel());
    }

    SessionLog original() {
        return original;
    }

    void start() {
        selects.set(0);
        inserts.set(0);
        updates.set(0);
        deletes.set(0);
        other.set(0);
        counting = true;
    }

    void stop() {
        counting = false;
    }

    long total() {
        return selects.get() + inserts.get() + updates.get() + deletes.get() + other.get();
    }

    @Override
    public boolean shouldLog(int level, String category) {
        if (SessionLog.SQL.equals(category)) {
            return counting || original.shouldLog(level, category);
        }
        return original.shouldLog(level, category);
    }

    @Override
    public boolean shouldLog(int level) {
        return original.shouldLog(level);
    }

    @Override
    public int getLevel(String category) {
        if (counting && SessionLog.SQL.equals(category)) {
            return SessionLog.FINE;
        }
        return original.getLevel(category);
    }

    @Override
    public void log(SessionLogEntry entry) {
        if (counting && SessionLog.SQL.equals(entry.getNameSpace())) {
            String sql = entry.getMessage() == null ? "" : entry.getMessage().stripLeading().toUpperCase(Locale.ROOT);
            if (sql.startsWith("SELECT")) {
                selects.incrementAndGet();
            } else if (sql.startsWith("INSERT")) {
                inserts.incrementAndGet();
            } else if (sql.startsWith("UPDATE")) {
                updates.incrementAndGet();
            } else if (sql.startsWith("DELETE")) {
                deletes.incrementAndGet();
            } else {
                other.incrementAndGet();
            }
            return;
        }
        original.log(entry);
    }
}
