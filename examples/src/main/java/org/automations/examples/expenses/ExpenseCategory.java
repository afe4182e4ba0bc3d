package org.automations.examples.expenses;

/** What an expense was for (a select box in the form; labels in {@link Messages}). */
public enum ExpenseCategory {
    TRAVEL, MEALS, EQUIPMENT, OTHER
}
