package org.automations.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The administrators' HTTP API under /api (role automations-admin, see web.xml). */
@ApplicationPath("/api")
public class AutomationsApi extends Application {
}
