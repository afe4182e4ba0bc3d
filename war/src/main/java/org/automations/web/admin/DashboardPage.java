package org.automations.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;
import org.automations.persistence.AutomationTaskModel;
import org.automations.runtime.AutomationAdministration;
import org.automations.runtime.AutomationAdministration.DashboardItem;

/**
 * The dashboard ({@code dashboard.xhtml?history=N}, 30 days by default, 0 for all): per automation
 * class its instances running, finished and failed, in its own template where it has one; the
 * classes no longer deployed; the tasks stranded on removed nodes.
 */
@Named
@RequestScoped
public class DashboardPage {

    public static final int DEFAULT_DAYS = 30;

    @EJB
    AutomationAdministration administration;

    private int history = DEFAULT_DAYS;
    private List<DashboardItem> items = List.of();
    private List<AutomationTaskModel> stranded = List.of();
    private long due;

    @PostConstruct
    void load() {
        if (!AdminAccess.require()) {
            return;
        }
        Long days = AdminAccess.longParameter("history");
        history = days == null || days < 0 || days > 36_500 ? DEFAULT_DAYS : days.intValue();
        items = administration.dashboard(history);
        stranded = administration.strandedTasks();
        due = administration.dueNow();
    }

    public int getHistory() {
        return history;
    }

    public List<DashboardItem> getItems() {
        return items;
    }

    public List<AutomationTaskModel> getStranded() {
        return stranded;
    }

    /** Instances that are due now (what "step now" would run). */
    public long getDue() {
        return due;
    }

    public boolean isEmpty() {
        return items.stream().allMatch(item -> item.counts().total() == 0);
    }
}
