package org.automations.web.tasks;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Path;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.metadata.ConstraintDescriptor;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.automations.engine.AutomationEngine;
import org.automations.engine.Caller;
import org.automations.engine.TaskAlreadyCompletedException;
import org.automations.engine.TaskNotAllowedException;
import org.automations.persistence.AutomationTaskModel;
import org.automations.runtime.AutomationService;

/**
 * Backs the form page {@code /tasks/form.xhtml?task=<id>&back=<path>} (the spec's
 * {@code TaskView}).
 *
 * <ul>
 *   <li>The task is read from the request parameter {@code task} on every request (the page also
 *   posts it back as a hidden field), through the engine's form API with the caller of
 *   {@link CallerProvider}: a task that does not exist or that the caller may not process is
 *   answered with HTTP 404 and no data; a completed one with "This task was already completed by
 *   ...".</li>
 *   <li>Without a template the page renders the form class's properties ({@link TaskFields});
 *   with the node's {@code templateName} (or the automation's {@code defaultTemplateName}) it
 *   includes that Facelets file, which sees {@code form} (the form object, or the model form's
 *   entity), {@code context} (configured by {@link FormViewContext}, then the automation's, then
 *   the node's), {@code task} and {@code automation}. A template binds its inputs to
 *   {@code #{form.property}} and names each input by its property ({@code id="amount"}) so
 *   that the service's violations show next to it.</li>
 *   <li>Values are validated by the service (Bean Validation, on the server); its violations are
 *   shown next to their inputs, in the request's language; nothing is changed.</li>
 *   <li>After a valid submission: the node's success URL, else the {@code back} parameter if it is
 *   a path on this site ({@link SafeRedirects}), else the task list.</li>
 * </ul>
 */
@Named("taskForm")
@RequestScoped
public class TaskFormPage {

    /** What the page shows. */
    public enum State { OPEN, COMPLETED, NOT_FOUND }

    /**
     * The form's id in the page; inputs are {@code form:f_<property>}, their messages
     * {@code form:m_<property>}. (Not "task": Faces posts the form's id as a parameter of that name.)
     */
    public static final String FORM_ID = "form";


    @EJB
    AutomationService automations;

    @Inject
    CallerProvider callers;

    @Inject
    FormViewContext configuredContext;

    @Inject
    ValidatorFactory validation;

    private boolean loaded;
    private State state = State.NOT_FOUND;
    private Long taskId;
    private Caller caller;
    private AutomationEngine.FormTask formTask;
    private Object form;
    private List<TaskField> fields = List.of();
    private String completedBy;

    private void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        taskId = parseId(parameter("task"));
        caller = callers.caller();
        if (taskId == null || caller == null) {
            return;
        }
        try {
            formTask = automations.formTask(taskId, caller, configuredContext.values());
            form = automations.formValues(taskId, caller);
            if (formTask.templateName() == null) {
                fields = TaskFields.of(formTask.form().getFormClass(), FacesContext.getCurrentInstance());
            }
            state = State.OPEN;
        } catch (TaskAlreadyCompletedException e) {
            completed(e);
        } catch (TaskNotAllowedException e) {
            state = State.NOT_FOUND;
        }
    }

    /** The page's view action (also on postback): a task that is not there for the caller is a 404. */
    public void check() {
        load();
        if (state == State.NOT_FOUND) {
            FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(404);
        }
    }

    /** Submits the form: completes the task and goes on, or shows what is wrong. */
    public String submit() throws IOException {
        load();
        if (state != State.OPEN) {
            return null;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            automations.completeForm(taskId, form, caller);
        } catch (ConstraintViolationException e) {
            showViolations(faces, e);
            return null;
        } catch (TaskAlreadyCompletedException e) {
            completed(e);
            return null;
        } catch (TaskNotAllowedException e) {
            state = State.NOT_FOUND;
            faces.getExternalContext().setResponseStatus(404);
            return null;
        }
        ExternalContext external = faces.getExternalContext();
        external.getFlash().setKeepMessages(true);
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, TaskTexts.get(faces, "form.done"), null));
        external.redirect(nextUrl(external.getRequestContextPath()));
        faces.responseComplete();
        return null;
    }

    /** Where to go after a valid submission. */
    String nextUrl(String contextPath) {
        String success = formTask.form().getSuccessUrl();
        if (success != null && !success.isBlank()) {
            String local = SafeRedirects.localUrl(contextPath, success);
            return local != null ? local : success; // the developer's own URL may be absolute
        }
        String back = SafeRedirects.localUrl(contextPath, parameter("back"));
        return back != null ? back : contextPath + "/tasks/list.xhtml";
    }

    private void showViolations(FacesContext faces, ConstraintViolationException e) {
        Locale locale = faces.getViewRoot().getLocale();
        UIComponent formComponent = faces.getViewRoot().findComponent(FORM_ID);
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            String property = firstProperty(violation.getPropertyPath());
            String text = localized(validation, violation, locale);
            String clientId = null;
            if (property != null && formComponent != null) {
                for (String id : new String[] {"f_" + property, property}) {
                    UIComponent input = formComponent.findComponent(id);
                    if (input != null) {
                        clientId = input.getClientId(faces);
                        break;
                    }
                }
            }
            if (clientId == null && property != null) {
                text = label(property) + ": " + text;
            }
            faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
        }
        faces.validationFailed();
    }

    private String label(String property) {
        return fields.stream().filter(field -> field.name().equals(property)).map(TaskField::label)
                .findFirst().orElse(TaskFields.humanize(property));
    }

    private static String firstProperty(Path path) {
        for (Path.Node node : path) {
            if (node.getName() != null && !node.getName().isEmpty()) {
                return node.getName();
            }
        }
        return null;
    }

    /** The violation's message in the request's language (the service interpolated it in the server's). */
    private static String localized(ValidatorFactory factory, ConstraintViolation<?> violation, Locale locale) {
        try {
            MessageInterpolator interpolator = factory.getMessageInterpolator();
            return interpolator.interpolate(violation.getMessageTemplate(), new MessageInterpolator.Context() {
                @Override
                public ConstraintDescriptor<?> getConstraintDescriptor() {
                    return violation.getConstraintDescriptor();
                }

                @Override
                public Object getValidatedValue() {
                    return violation.getInvalidValue();
                }

                @Override
                public <T> T unwrap(Class<T> type) {
                    throw new jakarta.validation.ValidationException("Cannot unwrap to " + type);
                }
            }, locale);
        } catch (RuntimeException ex) {
            return violation.getMessage();
        }
    }

    private void completed(TaskAlreadyCompletedException e) {
        state = State.COMPLETED;
        completedBy = e.completedBy();
    }

    private static String parameter(String name) {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get(name);
    }

    private static Long parseId(String text) {
        if (text == null || !text.matches("\\d{1,18}")) {
            return null;
        }
        return Long.valueOf(text);
    }

    // ---------------------------------------------------------------- for the page

    public State getState() {
        load();
        return state;
    }

    public boolean isOpen() {
        return getState() == State.OPEN;
    }

    public boolean isCompleted() {
        return getState() == State.COMPLETED;
    }

    public boolean isNotFound() {
        return getState() == State.NOT_FOUND;
    }

    public String getCompletedBy() {
        load();
        return completedBy;
    }

    public Long getTaskId() {
        load();
        return taskId;
    }

    /** The {@code back} parameter, only if it is a path on this site (posted back with the form). */
    public String getBack() {
        String back = parameter("back");
        return SafeRedirects.isLocalPath(back) ? back : null;
    }

    public List<TaskField> getFields() {
        load();
        return fields;
    }

    /** The form object (or the model form's entity) that the inputs edit. */
    public Object getForm() {
        load();
        return form;
    }

    public AutomationTaskModel getTask() {
        load();
        return formTask == null ? null : formTask.task();
    }

    public String getAutomationName() {
        load();
        return formTask == null ? null : formTask.automation().verboseName();
    }

    public long getInstanceId() {
        load();
        return formTask == null ? 0 : formTask.task().getAutomation().getId();
    }

    /** The node's description, else its name. */
    public String getDescription() {
        load();
        if (formTask == null) {
            return null;
        }
        String text = formTask.form().getDescription();
        return text == null || text.isBlank() ? formTask.task().getStatus() : text;
    }

    public Map<String, Object> getContext() {
        load();
        return formTask == null ? Map.of() : formTask.context();
    }

    /** The node's (or the automation's default) Facelets template, or {@code null} for the generic form. */
    public String getTemplateName() {
        load();
        return formTask == null ? null : formTask.templateName();
    }

    public boolean isCustomTemplate() {
        return getTemplateName() != null;
    }
}
