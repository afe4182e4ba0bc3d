package org.automations.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.automations.runtime.AutomationAdministration;
import org.automations.runtime.AutomationAdministration.FailedInstance;

/** The failed instances grouped by automation class, each linked to its history. */
@Named
@RequestScoped
public class ErrorsPage {

    /** The failed instances of one class. */
    public record Group(String className, String verboseName, boolean obsolete, List<FailedInstance> instances) {
    }

    @EJB
    AutomationAdministration administration;

    private List<Group> groups = List.of();

    @PostConstruct
    void load() {
        if (!AdminAccess.require()) {
            return;
        }
        Map<String, Group> byClass = new LinkedHashMap<>();
        for (FailedInstance failed : administration.failed()) {
            String className = failed.instance().getAutomationClass();
            byClass.computeIfAbsent(className, c -> new Group(c,
                    failed.definition() == null ? c : failed.definition().verboseName(),
                    failed.definition() == null, new ArrayList<>())).instances().add(failed);
        }
        groups = List.copyOf(byClass.values());
    }

    public List<Group> getGroups() {
        return groups;
    }

    public int getCount() {
        return groups.stream().mapToInt(group -> group.instances().size()).sum();
    }
}
