package org.automations.it;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.automations.runtime.AutomationAdministration;
import org.automations.runtime.AutomationService;

/**
 * Test-only data set-up for the administrators' pages, over HTTP (added to the WAR by
 * AdminPagesIT and AdminJourneyIT only; never part of the product). Answers plain text.
 */
@WebServlet("/admin-fixture")
public class AdminFixtureServlet extends HttpServlet {

    public static final String REMOVED_CLASS = "org.automations.it.RemovedAutomation";
    public static final String REMOVED_NODE = "removedNode";

    @EJB
    AutomationService automations;

    @EJB
    AdminTestData data;

    @EJB
    AutomationAdministration administration;

    @Inject
    MovableEngineClock clock;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String op = request.getParameter("op");
        String answer = switch (op == null ? "" : op) {
            case "showcase" -> {
                Map<String, Object> values = new LinkedHashMap<>();
                values.put("failTimes", Integer.parseInt(parameter(request, "failTimes", "0")));
                values.put("risky", Boolean.parseBoolean(parameter(request, "risky", "false")));
                yield String.valueOf(automations.start(AdminShowcaseAutomation.class, values).getId());
            }
            case "waiting" -> String.valueOf(automations.start(AdminWaitingAutomation.class, Map.of()).getId());
            case "obsolete" -> {
                long id = automations.start(AdminWaitingAutomation.class, Map.of()).getId();
                data.renameClass(id, REMOVED_CLASS);
                yield String.valueOf(id);
            }
            case "stranded" -> {
                long id = automations.start(AdminWaitingAutomation.class, Map.of()).getId();
                data.strand(id, REMOVED_NODE);
                yield String.valueOf(id);
            }
            case "age" -> {
                data.age(Long.parseLong(request.getParameter("id")), clock.now(), Integer.parseInt(request.getParameter("days")));
                yield "aged";
            }
            case "advance" -> {
                clock.advance(Duration.ofHours(Long.parseLong(request.getParameter("hours"))));
                yield clock.now().toString();
            }
            case "state" -> data.state(Long.parseLong(request.getParameter("id")));
            case "probe" -> {
                try {
                    administration.step();
                    yield "allowed";
                } catch (EJBAccessException e) {
                    yield "denied";
                } catch (EJBException e) {
                    yield e.getCause() instanceof SecurityException ? "denied" : "error " + e;
                }
            }
            default -> null;
        };
        if (answer == null) {
            response.sendError(400, "unknown op " + op);
            return;
        }
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(answer);
    }

    private static String parameter(HttpServletRequest request, String name, String fallback) {
        String value = request.getParameter(name);
        return value == null ? fallback : value;
    }
}
