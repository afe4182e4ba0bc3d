package org.automations.it.cluster;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.automations.runtime.AutomationService;

/** Starts {@code n} cluster automations without running them: the servers' schedulers do all the work. */
@WebServlet("/it-cluster-load")
public class ClusterLoadServlet extends HttpServlet {

    @EJB
    AutomationService automations;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int n = Integer.parseInt(request.getParameter("n"));
        for (int i = 0; i < n; i++) {
            automations.start(ClusterAutomation.class, Map.of("i", i), false);
        }
        response.setContentType("text/plain");
        response.getWriter().print(n);
    }
}
