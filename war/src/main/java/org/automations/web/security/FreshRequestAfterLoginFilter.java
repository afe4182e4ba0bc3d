package org.automations.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * Asks the browser once more for the first page after a login. On Payara the request that resumes
 * after a form login knows the caller's roles in the web tier but not yet in the EJB tier (payara
 * issue 4734), so an EJB with {@code @RolesAllowed} would refuse it; the next request is whole.
 * One redirect per login, GET only; elsewhere it is merely a redirect.
 */
@WebFilter(urlPatterns = {"/admin/*", "/tasks/*"})
public class FreshRequestAfterLoginFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final String SEEN = FreshRequestAfterLoginFilter.class.getName() + ".seen";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getUserPrincipal() != null && "GET".equals(request.getMethod())) {
            HttpSession session = request.getSession();
            if (session.getAttribute(SEEN) == null) {
                session.setAttribute(SEEN, Boolean.TRUE);
                String query = request.getQueryString();
                response.sendRedirect(request.getRequestURI() + (query == null ? "" : "?" + query));
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
