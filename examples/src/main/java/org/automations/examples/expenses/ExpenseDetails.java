package org.automations.examples.expenses;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The sales team's form: what was spent, on what, and when. The generic form page renders it
 * from its properties (labels from {@link Messages}).
 */
public class ExpenseDetails {

    @NotNull
    @DecimalMin("0.01")
    @Digits(integer = 7, fraction = 2)
    private BigDecimal amount;

    @NotNull
    private ExpenseCategory category;

    @NotBlank
    @Size(max = 1000)
    private String purpose;

    @NotNull
    @PastOrPresent
    private LocalDate spentOn;

    @NotBlank
    @Email
    @Size(max = 200)
    private String receiptEmail;

    private boolean paidWithCompanyCard;

    public BigDecimal getAmount() {
        return amount;
    }

    public void setAmount(BigDecimal amount) {
        this.amount = amount;
    }

    public ExpenseCategory getCategory() {
        return category;
    }

    public void setCategory(ExpenseCategory category) {
        this.category = category;
    }

    public String getPurpose() {
        return purpose;
    }

    public void setPurpose(String purpose) {
        this.purpose = purpose;
    }

    public LocalDate getSpentOn() {
        return spentOn;
    }

    public void setSpentOn(LocalDate spentOn) {
        this.spentOn = spentOn;
    }

    public String getReceiptEmail() {
        return receiptEmail;
    }

    public void setReceiptEmail(String receiptEmail) {
        this.receiptEmail = receiptEmail;
    }

    public boolean isPaidWithCompanyCard() {
        return paidWithCompanyCard;
    }

    public void setPaidWithCompanyCard(boolean paidWithCompanyCard) {
        this.paidWithCompanyCard = paidWithCompanyCard;
    }
}
