package org.automations.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

/**
 * The engine's settings, read from system properties (or the environment variable of the same
 * name in upper case with dots as underscores, e.g. {@code AUTOMATIONS_TICK_SECONDS}), so that
 * every server sets them its own way: Payara {@code asadmin create-system-properties}, WildFly
 * {@code <system-properties>} or {@code -D} options.
 *
 * <table>
 * <tr><td>{@code automations.tick.seconds}</td><td>5</td><td>how often the scheduler steps the due instances</td></tr>
 * <tr><td>{@code automations.lease.seconds}</td><td>300</td><td>how long a server's claim on an instance lasts; after a crash another server takes over then</td></tr>
 * <tr><td>{@code automations.step.batch}</td><td>500</td><td>due instances one tick claims at most</td></tr>
 * <tr><td>{@code automations.server.id}</td><td>host-pid-random</td><td>this server's name in claims</td></tr>
 * <tr><td>{@code automations.history.retention.days}</td><td>(off)</td><td>if set, finished instances older than that are deleted daily</td></tr>
 * </table>
 */
@ApplicationScoped
public class AutomationSettings {

    private final String serverId = setting("automations.server.id",
            ManagementFactory.getRuntimeMXBean().getName() + "-" + UUID.randomUUID().toString().substring(0, 8));

    public Duration tickInterval() {
        return Duration.ofSeconds(positive("automations.tick.seconds", 5));
    }

    public Duration lease() {
        return Duration.ofSeconds(positive("automations.lease.seconds", 300));
    }

    public int stepBatch() {
        return (int) positive("automations.step.batch", 500);
    }

    public String serverId() {
        return serverId;
    }

    /** Days of history to keep, or {@code null} when finished instances are kept until deleted by hand. */
    public Integer historyRetentionDays() {
        String value = setting("automations.history.retention.days", null);
        return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
    }

    private static long positive(String name, long fallback) {
        String value = setting(name, null);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        long parsed = Long.parseLong(value.strip());
        if (parsed < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, not " + value);
        }
        return parsed;
    }

    private static String setting(String name, String fallback) {
        String value = System.getProperty(name);
        if (value == null) {
            value = System.getenv(name.toUpperCase(Locale.ROOT).replace('.', '_'));
        }
        return value != null ? value : fallback;
    }
}
