package org.automations.examples.webinar;

import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Stands in for a mail service (outside the product): it logs each mail and keeps it in an outbox
 * that the example page shows. A singleton EJB: the container serialises writers.
 */
@Singleton
public class WebinarMailer {

    /** A mail that was "sent". */
    public record Mail(Instant sent, String to, String subject) {
    }

    private static final Logger LOG = Logger.getLogger(WebinarMailer.class.getName());
    private static final int OUTBOX_SIZE = 200;

    private final List<Mail> outbox = new ArrayList<>();

    @Lock(LockType.WRITE)
    public void send(Instant when, String to, String subject) {
        LOG.info(() -> "Mail to " + to + ": " + subject);
        outbox.add(0, new Mail(when, to, subject));
        if (outbox.size() > OUTBOX_SIZE) {
            outbox.remove(OUTBOX_SIZE);
        }
    }

    /** The newest mails first. */
    @Lock(LockType.READ)
    public List<Mail> outbox() {
        return List.copyOf(outbox);
    }
}
