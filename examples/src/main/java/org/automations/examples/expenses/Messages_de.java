package org.automations.examples.expenses;

import java.util.ListResourceBundle;

/** Labels of the expense forms' fields and options (German). */
public class Messages_de extends ListResourceBundle {

    @Override
    protected Object[][] getContents() {
        return new Object[][] {
                {"amount", "Betrag (EUR)"},
                {"category", "Kategorie"},
                {"purpose", "Zweck"},
                {"spentOn", "Datum der Ausgabe"},
                {"receiptEmail", "E-Mail-Adresse für den Beleg"},
                {"paidWithCompanyCard", "Mit der Firmenkarte bezahlt"},
                {"approved", "Genehmigen"},
                {"comment", "Kommentar"},
                {"ExpenseCategory.TRAVEL", "Reise"},
                {"ExpenseCategory.MEALS", "Bewirtung"},
                {"ExpenseCategory.EQUIPMENT", "Ausstattung"},
                {"ExpenseCategory.OTHER", "Sonstiges"},
                {"title", "Spesenabrechnung"},
        };
    }
}
