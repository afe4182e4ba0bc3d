package org.automations.it;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.automations.engine.Caller;
import org.automations.examples.expenses.ExpenseApproval;
import org.automations.examples.issues.IssueDiscussion;
import org.automations.persistence.AutomationModel;
import org.automations.persistence.AutomationTaskModel;
import org.automations.runtime.AutomationService;
import jakarta.enterprise.inject.spi.CDI;

/**
 * Test support in the WAR of the test deployment (under /tasks/, so only for logged-in users):
 * starts automations and reports what the WAR's {@code CallerProvider} makes of the caller (looked
 * up by name: the {@code it} module does not compile against the WAR's classes).
 *
 * <ul>
 *   <li>{@code GET tasks/test-support/start?automation=issue|expense|audit}: starts one and
 *   answers {@code instance=<id> task=<open form task id>};</li>
 *   <li>{@code GET tasks/test-support/caller?groups=a,b}: the caller's name, administrator flag and
 *   membership of each group, plus what the server itself says.</li>
 *   <li>{@code GET tasks/test-support/instance?id=<id>}: the instance's state and data;</li>
 *   <li>{@code GET tasks/test-support/newest}: the five newest instances and their tasks.</li>
 * </ul>
 */
@WebServlet("/tasks/test-support/*")
public class TasksSupportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    AutomationService automations;

    @Inject
    SecurityContext security;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        PrintWriter out = response.getWriter();
        String what = request.getPathInfo() == null ? "" : request.getPathInfo();
        switch (what) {
            case "/start" -> {
                AutomationModel instance = switch (request.getParameter("automation")) {
                    case "issue" -> automations.start(IssueDiscussion.class, Map.of(
                            "deadline", Instant.now().plus(Duration.ofDays(7)).toString(), "newMails", 3));
                    case "expense" -> automations.start(ExpenseApproval.class, Map.of());
                    case "audit" -> automations.start(TasksAuditAutomation.class, Map.of());
                    default -> throw new IllegalArgumentException(request.getParameter("automation"));
                };
                Long task = automations.tasks(instance.getId()).stream()
                        .filter(t -> t.isInteraction() && t.isOpen())
                        .map(AutomationTaskModel::getId).findFirst().orElse(null);
                out.print("instance=" + instance.getId() + " task=" + task);
            }
            case "/caller" -> {
                Object callers = callerProvider();
                Caller caller = caller(callers);
                out.println("provider=" + callers.getClass().getName());
                out.println("name=" + caller.name());
                out.println("administrator=" + caller.isAdministrator());
                String groups = request.getParameter("groups");
                if (groups != null) {
                    for (String group : groups.split(",")) {
                        out.println("group." + group + "=" + caller.isInGroup(group));
                        out.println("permission." + group + "=" + caller.hasPermission(group));
                        out.println("securityContext.isCallerInRole." + group + "=" + security.isCallerInRole(group));
                        out.println("request.isUserInRole." + group + "=" + request.isUserInRole(group));
                    }
                }
                for (Principal principal : security.getPrincipalsByType(Principal.class)) {
                    out.println("principal=" + principal.getClass().getName() + ":" + principal.getName());
                }
            }
            case "/instance" -> {
                AutomationModel instance = automations.find(Long.parseLong(request.getParameter("id")));
                out.println("state=" + instance.getState());
                out.println("data=" + instance.getData());
                for (AutomationTaskModel task : automations.tasks(instance.getId())) {
                    out.println("task " + task.getId() + " " + task.getStatus() + " open=" + task.isOpen()
                            + " completedBy=" + task.getCompletedBy());
                }
            }
            case "/newest" -> {
                for (AutomationModel instance : automations.newest(5)) {
                    out.println(instance.getId() + " " + instance.getAutomationClass() + " " + instance.getState()
                            + " " + instance.getData());
                    for (AutomationTaskModel task : automations.tasks(instance.getId())) {
                        out.println("  task " + task.getId() + " " + task.getStatus() + " open=" + task.isOpen()
                                + " interaction=" + task.isInteraction() + " message=" + task.getMessage());
                    }
                }
            }
            default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    /** The WAR's {@code CallerProvider} bean (whichever implementation CDI chose). */
    static Object callerProvider() {
        try {
            Class<?> type = Class.forName("org.automations.web.tasks.CallerProvider", true,
                    Thread.currentThread().getContextClassLoader());
            return CDI.current().select(type).get();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    static Caller caller(Object provider) {
        try {
            return (Caller) provider.getClass().getMethod("caller").invoke(provider);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
