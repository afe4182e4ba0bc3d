package org.automations.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.automations.runtime.AutomationAdministration;

/** The stack trace a failed task stored ({@code traceback.xhtml?task=N}), shown escaped. */
@Named
@RequestScoped
public class TracebackPage {

    @EJB
    AutomationAdministration administration;

    private Long taskId;
    private AutomationAdministration.TaskView task;
    private String traceback;

    @PostConstruct
    void load() {
        if (!AdminAccess.require()) {
            return;
        }
        taskId = AdminAccess.longParameter("task");
        if (taskId != null) {
            task = administration.task(taskId);
            traceback = task == null ? null : AutomationAdministration.errorOf(task.task().getResult());
        }
    }

    public Long getTaskId() {
        return taskId;
    }

    /** The task with its instance, or {@code null}. */
    public AutomationAdministration.TaskView getTask() {
        return task;
    }

    /** The stored stack trace, or {@code null}. */
    public String getTraceback() {
        return traceback;
    }
}
