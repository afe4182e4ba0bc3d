package org.automations.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/**
 * The one clock the engine reads time from. Tests replace it with an alternative that they move
 * forward instead of sleeping.
 */
@ApplicationScoped
public class EngineClock {

    public Clock clock() {
        return Clock.systemUTC();
    }
}
