package org.automations.web.tasks;

import java.time.Duration;
import java.time.Instant;

/**
 * How urgent an open task is, from the hours since it was created (the spec's
 * {@code hours_since_created()}): under 24 h normal, 24 to 72 h warning, over 72 h urgent.
 * Each level has a CSS class ({@code urgency-normal}, {@code urgency-warning}, {@code urgency-urgent}).
 */
public enum Urgency {
    NORMAL, WARNING, URGENT;

    /** Hours since the task was created, 0 for a finished task (as in the spec). */
    public static double hoursSinceCreated(Instant created, Instant finished, Instant now) {
        if (finished != null || created == null) {
            return 0;
        }
        return Math.max(0, Duration.between(created, now).toSeconds() / 3600.0);
    }

    public static Urgency of(double hours) {
        if (hours > 72) {
            return URGENT;
        }
        return hours >= 24 ? WARNING : NORMAL;
    }

    public String cssClass() {
        return "urgency-" + name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The key of its label in the tasks bundle. */
    public String messageKey() {
        return "urgency." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
