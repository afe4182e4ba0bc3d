package org.automations.flow;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;

/**
 * Loops back to the given node, or to the first node, on a schedule that counts from the first
 * time the instance reached this node (so it does not drift). Without a schedule it loops back at
 * once.
 *
 * <pre>{@code
 * final Repeat daily = repeat("start").at(6, 30);        // every day at 06:30 UTC
 * final Repeat often = repeat().everyNMinutes(15);      // every 15 minutes from the first run
 * }</pre>
 */
public class Repeat extends Node<Repeat> {

    private final String start;
    private Duration interval;
    private LocalTime at;

    /** Repeats from the first node. */
    public Repeat() {
        this.start = null;
    }

    /** Repeats from the named node. */
    public Repeat(String start) {
        this.start = Objects.requireNonNull(start, "start");
    }

    /**
     * Runs at this time of day (UTC); the interval, everyDay() unless given, must be at least a
     * day.
     */
    public Repeat at(int hour, int minute) {
        once(at, "at");
        at = LocalTime.of(hour, minute);
        return this;
    }

    /** Every {@code hours} hours. */
    public Repeat everyHour(int hours) {
        return every(Duration.ofHours(positive(hours, "everyHour")));
    }

    /** Every hour. */
    public Repeat everyHour() {
        return everyHour(1);
    }

    /** Every {@code minutes} minutes. */
    public Repeat everyNMinutes(int minutes) {
        return every(Duration.ofMinutes(positive(minutes, "everyNMinutes")));
    }

    /** Every {@code days} days. */
    public Repeat everyNDays(int days) {
        return every(Duration.ofDays(positive(days, "everyNDays")));
    }

    /** Every day. */
    public Repeat everyDay() {
        return everyNDays(1);
    }

    @Override
    public Repeat next(String nodeName) {
        definitionError("a repeat node continues at its start node; give the start as repeat(\"" + nodeName
                + "\") instead of next(...)");
        return this;
    }

    private Repeat every(Duration duration) {
        once(interval, "the repeat interval (everyHour/everyNMinutes/everyNDays/everyDay)");
        interval = duration;
        return this;
    }

    private int positive(int value, String modifier) {
        if (value < 1) {
            definitionError(modifier + "(" + value + ") needs a positive number");
            return 1;
        }
        return value;
    }

    /** The node to loop back to, or {@code null} for the first node. */
    public final String getStart() {
        return start;
    }

    /** The interval, or {@code null}: every day when {@link #getAt()} is set, else at once. */
    public final Duration getInterval() {
        return interval != null || at == null ? interval : Duration.ofDays(1);
    }

    public final LocalTime getAt() {
        return at;
    }

    @Override
    public List<String> targets() {
        return start == null ? List.of() : List.of(start);
    }

    @Override
    public boolean continuesInOrder() {
        return false;
    }
}
