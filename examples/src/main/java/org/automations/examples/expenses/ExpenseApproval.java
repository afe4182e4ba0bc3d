package org.automations.examples.expenses;

import java.util.LinkedHashMap;
import java.util.Map;
import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Execute;
import org.automations.flow.Form;
import org.automations.flow.If;
import org.automations.flow.Meta;
import org.automations.flow.OnStart;
import org.automations.flow.StartedBy;
import org.automations.flow.Task;

/**
 * An expense claim: someone of the sales team fills in the details (a form for the group
 * {@code sales}), an administrator approves or rejects it (a form for the role
 * {@code automations-admin}, rendered by its own Facelets template), then the claim is paid or
 * rejected.
 *
 * <p>Started by an {@link ExpenseClaimOpened} event (the example page's button) or
 * programmatically: {@code automationService.start(ExpenseApproval.class, Map.of())}.
 */
@Meta(verboseName = "Expense approval", verboseNamePlural = "Expense approvals")
@StartedBy(ExpenseClaimOpened.class)
public class ExpenseApproval extends Automation {

    /** The approval form's Facelets template (in the WAR). */
    public static final String APPROVAL_TEMPLATE = "/tasks/templates/expense-approval.xhtml";

    final Execute start = execute(this::open);
    final Form details = form(ExpenseDetails.class)
            .group("sales")
            .description("Fill in the expense claim");
    final Form approval = form(ExpenseDecision.class)
            .permission("automations-admin")
            .description("Approve or reject the expense claim")
            .templateName(APPROVAL_TEMPLATE)
            .context(Map.of("policy", "Claims above 500 EUR need a receipt."));
    final If decide = when(this::approved).then("pay").otherwise("reject");
    final Execute pay = execute(this::pay).next("end");
    final Execute reject = execute(this::reject);
    final End end = end();

    @OnStart
    void opened(ExpenseClaimOpened event) {
        if (event.openedBy() != null) {
            data().put("openedBy", event.openedBy());
        }
        data().put("opened", event.opened().toString());
    }

    void open(Task task) {
        task.data().putIfAbsent("opened", task.now().toString());
    }

    boolean approved(Task task) {
        return Boolean.TRUE.equals(task.data().get("approved"));
    }

    String pay(Task task) {
        task.data().put("outcome", "paid");
        return "paid";
    }

    String reject(Task task) {
        task.data().put("outcome", "rejected");
        return "rejected";
    }

    /** The approval template shows the claim: its details from the data. */
    @Override
    public Map<String, Object> formContext() {
        Map<String, Object> claim = new LinkedHashMap<>();
        for (String key : new String[] {"amount", "category", "purpose", "spentOn", "receiptEmail",
                "paidWithCompanyCard", "_details_validated"}) {
            if (data().containsKey(key)) {
                claim.put(key, data().get(key));
            }
        }
        return Map.of("claim", claim);
    }
}
