package org.automations.examples.webinar;

import java.time.Instant;

/**
 * A visitor registered for a webinar session. Firing it as a CDI event starts a
 * {@link WebinarWorkflow}.
 */
public record WebinarRegistration(String name, String email, Instant sessionStart) {
}
