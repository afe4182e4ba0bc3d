package org.automations.examples.expenses;

import java.util.ListResourceBundle;

/**
 * Labels of the expense forms' fields and options (English). The generic form page looks for a
 * bundle {@code Messages} in the form class's package
 * ({@code org.automations.examples.expenses.Messages}); keys are property names, and
 * {@code EnumName.CONSTANT} for options.
 */
public class Messages extends ListResourceBundle {

    @Override
    protected Object[][] getContents() {
        return new Object[][] {
                {"amount", "Amount (EUR)"},
                {"category", "Category"},
                {"purpose", "Purpose"},
                {"spentOn", "Date of the expense"},
                {"receiptEmail", "E-mail address for the receipt"},
                {"paidWithCompanyCard", "Paid with the company card"},
                {"approved", "Approve"},
                {"comment", "Comment"},
                {"ExpenseCategory.TRAVEL", "Travel"},
                {"ExpenseCategory.MEALS", "Meals"},
                {"ExpenseCategory.EQUIPMENT", "Equipment"},
                {"ExpenseCategory.OTHER", "Other"},
                {"title", "Expense claim"},
        };
    }
}
