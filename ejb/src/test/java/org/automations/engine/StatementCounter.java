package org.automations.engine;

import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.persistence.logging.DefaultSessionLog;
import org.eclipse.persistence.logging.SessionLog;
import org.eclipse.persistence.logging.SessionLogEntry;

/**
 * An EclipseLink log that counts the SQL statements it is told about instead of printing them
 * (enable with {@code eclipselink.logging.logger} and {@code eclipselink.logging.level.sql=FINE}).
 */
public final class StatementCounter extends DefaultSessionLog {

    static final AtomicInteger STATEMENTS = new AtomicInteger();

    static final java.util.Map<String, String> PROPERTIES = java.util.Map.of(
            "eclipselink.logging.logger", StatementCounter.class.getName(),
            "eclipselink.logging.level.sql", "FINE");

    @Override
    public void log(SessionLogEntry entry) {
        if (SessionLog.SQL.equals(entry.getNameSpace())) {
            STATEMENTS.incrementAndGet();
        } else if (entry.getLevel() >= SessionLog.SEVERE) {
            super.log(entry);
        }
    }
}
