package org.automations.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.automations.engine.HistoryDeletion;
import org.automations.persistence.AutomationModel;
import org.automations.runtime.AutomationService;

/**
 * The administrators' actions over HTTP, POST only:
 * <ul>
 * <li>{@code POST /api/step} runs the due instances now: {@code {"ran": 3}}</li>
 * <li>{@code POST /api/automations/{id}/retry} retries a failed instance: {@code {"id": 7, "stoppedAt": "charge"}}</li>
 * <li>{@code POST /api/history/delete?days=30}: {@code {"automations": 12, "tasks": 80}}</li>
 * </ul>
 * A bad request answers 4xx with a reason in {@code {"error": "..."}}.
 */
@Path("/")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AdministrationResource {

    @EJB
    AutomationService automations;

    @POST
    @Path("step")
    public JsonObject step() {
        return Json.createObjectBuilder().add("ran", automations.step()).build();
    }

    @POST
    @Path("automations/{id}/retry")
    public JsonObject retry(@PathParam("id") long id) {
        AutomationModel instance = automations.find(id);
        if (instance == null) {
            throw new NotFoundException(error(Response.Status.NOT_FOUND, "There is no automation instance " + id));
        }
        if (instance.getFailedTaskId() == null) {
            throw new WebApplicationException(error(Response.Status.CONFLICT,
                    "Automation instance " + id + " is " + instance.getState() + ", not failed; only a failed instance can be retried"));
        }
        String stoppedAt = automations.retry(id);
        return Json.createObjectBuilder().add("id", id).add("stoppedAt", stoppedAt == null ? "" : stoppedAt).build();
    }

    @POST
    @Path("history/delete")
    public JsonObject deleteHistory(@QueryParam("days") Integer days) {
        if (days == null || days < 0) {
            throw new WebApplicationException(error(Response.Status.BAD_REQUEST,
                    "Give the number of days to keep as ?days=N (0 or more)"));
        }
        HistoryDeletion deleted = automations.deleteHistory(days);
        return Json.createObjectBuilder().add("automations", deleted.automations()).add("tasks", deleted.tasks()).build();
    }

    private static Response error(Response.Status status, String reason) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Json.createObjectBuilder().add("error", reason).build()).build();
    }
}
