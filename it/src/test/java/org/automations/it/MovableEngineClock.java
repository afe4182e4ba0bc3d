package org.automations.it;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.automations.runtime.EngineClock;

/**
 * Replaces the engine's clock in test deployments (the tests add it to the engine's EJB jar):
 * time stands still until a test moves it, so the timer and the test see the same instant.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
@ApplicationScoped
public class MovableEngineClock extends EngineClock {

    private volatile Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Override
    public Clock clock() {
        return Clock.fixed(now, ZoneOffset.UTC);
    }

    public Instant now() {
        return now;
    }

    public void moveTo(Instant instant) {
        now = instant;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }
}
