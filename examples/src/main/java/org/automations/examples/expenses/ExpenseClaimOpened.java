package org.automations.examples.expenses;

import java.time.Instant;

/** The CDI event that starts an {@link ExpenseApproval}: someone opened a new expense claim. */
public record ExpenseClaimOpened(String openedBy, Instant opened) {
}
