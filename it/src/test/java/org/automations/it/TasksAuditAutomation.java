package org.automations.it;

import jakarta.enterprise.context.Dependent;
import jakarta.validation.constraints.NotBlank;
import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Form;
import org.automations.flow.Meta;

/**
 * A test automation whose form is for the group {@code auditors}, which no demo user belongs to:
 * only {@link TasksAuditorsCallerProvider}, the replaced caller provider, lets bob in.
 */
@Dependent
@Meta(verboseName = "Audit (test)")
public class TasksAuditAutomation extends Automation {

    final Form audit = form(AuditNote.class).group("auditors").description("Audit the books");
    final End end = end();

    /** The auditor's note. */
    public static class AuditNote {

        @NotBlank
        private String note;

        public String getNote() {
            return note;
        }

        public void setNote(String note) {
            this.note = note;
        }
    }
}
