package org.automations.it;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits for a condition until a deadline, checking it every 50 ms; fails with what it waited for. */
public final class Deadline {

    private final Instant end;

    private Deadline(Instant end) {
        this.end = end;
    }

    public static Deadline within(Duration duration) {
        return new Deadline(Instant.now().plus(duration));
    }

    public void waitFor(BooleanSupplier condition, String what) {
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("Timed out waiting until " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }
}
