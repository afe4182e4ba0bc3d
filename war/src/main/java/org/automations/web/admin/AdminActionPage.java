package org.automations.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.util.List;
import org.automations.engine.HistoryDeletion;
import org.automations.persistence.AutomationModel;
import org.automations.runtime.AutomationAdministration;

/**
 * The administrators' actions ({@code confirm.xhtml?op=step|deleteHistory|retry|kill&id=N&days=N}):
 * a GET only describes what the action would do and asks for confirmation; the confirmation is a
 * POST (a Faces form, with its view state), which does it and shows what it did. The role is
 * checked here and again by {@link AutomationAdministration}.
 */
@Named("adminAction")
@RequestScoped
public class AdminActionPage {

    /** The actions. */
    public enum Op { step, deleteHistory, retry, kill }

    @EJB
    AutomationAdministration administration;

    private Op op;
    private Long id;
    private Integer days;
    private AutomationModel instance;
    private long count;

    private boolean done;
    private boolean failed;
    private String resultKey;
    private List<Object> resultParams = List.of();

    @PostConstruct
    void load() {
        if (!AdminAccess.require()) {
            return;
        }
        try {
            String name = AdminAccess.parameter("op");
            op = name == null ? null : Op.valueOf(name);
        } catch (IllegalArgumentException e) {
            op = null;
        }
        id = AdminAccess.longParameter("id");
        Long d = AdminAccess.longParameter("days");
        days = d == null || d < 0 || d > 36_500 ? null : d.intValue();
        describe();
    }

    private void describe() {
        if (op == null) {
            return;
        }
        switch (op) {
            case step -> count = administration.dueNow();
            case deleteHistory -> count = days == null ? 0 : administration.finishedBefore(days);
            case retry, kill -> instance = id == null ? null : administration.instance(id);
        }
    }

    /** Whether the request names an action that can be confirmed. */
    public boolean isValid() {
        if (op == null) {
            return false;
        }
        return switch (op) {
            case step -> true;
            case deleteHistory -> days != null;
            case kill -> instance != null;
            case retry -> instance != null && instance.getState() == org.automations.persistence.AutomationState.FAILED;
        };
    }

    /** The confirmed action (a POST). */
    public String perform() {
        if (!AdminAccess.require() || !FacesContext.getCurrentInstance().isPostback() || !isValid()) {
            return null;
        }
        try {
            switch (op) {
                case step -> result("action.step.done", administration.step());
                case deleteHistory -> {
                    HistoryDeletion deletion = administration.deleteHistory(days);
                    result("action.deleteHistory.done", deletion.automations(), deletion.tasks(), days);
                }
                case retry -> {
                    String node = administration.retry(id);
                    AutomationModel after = administration.instance(id);
                    result("action.retry.done", id, node == null ? "" : node,
                            after == null ? "" : after.getState().name());
                }
                case kill -> result(administration.kill(id) ? "action.kill.done" : "action.kill.none", id);
            }
        } catch (EJBException | IllegalStateException | IllegalArgumentException e) {
            Throwable cause = e instanceof EJBException && e.getCause() != null ? e.getCause() : e;
            failed = true;
            result("action.failed", String.valueOf(cause.getMessage()));
        }
        done = true;
        describe();
        return null;
    }

    private void result(String key, Object... params) {
        resultKey = key;
        resultParams = List.of(params);
    }

    public Op getOp() {
        return op;
    }

    public String getOpName() {
        return op == null ? "" : op.name();
    }

    public Long getId() {
        return id;
    }

    public Integer getDays() {
        return days;
    }

    public AutomationModel getInstance() {
        return instance;
    }

    public String getInstanceName() {
        if (instance == null) {
            return "";
        }
        var definition = administration.definition(instance.getAutomationClass());
        return definition == null ? instance.getAutomationClass() : definition.verboseName();
    }

    /** Instances due (step) or finished before the period (delete history). */
    public long getCount() {
        return count;
    }

    public boolean isDone() {
        return done;
    }

    public boolean isFailed() {
        return failed;
    }

    public String getResultKey() {
        return resultKey;
    }

    public List<Object> getResultParams() {
        return resultParams;
    }
}
