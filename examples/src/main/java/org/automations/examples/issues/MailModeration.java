package org.automations.examples.issues;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The moderators' form: whether the new mails are handled, and a note. */
public class MailModeration {

    @NotNull
    private Boolean mailsHandled;

    @Size(max = 500)
    private String note;

    public Boolean getMailsHandled() {
        return mailsHandled;
    }

    public void setMailsHandled(Boolean mailsHandled) {
        this.mailsHandled = mailsHandled;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
