package org.automations.examples.expenses;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The administrator's decision on an expense claim (rendered by its own Facelets template). */
public class ExpenseDecision {

    @NotNull
    private Boolean approved;

    @Size(max = 500)
    private String comment;

    public Boolean getApproved() {
        return approved;
    }

    public void setApproved(Boolean approved) {
        this.approved = approved;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }
}
