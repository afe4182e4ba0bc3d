package org.automations.flow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A task for a person: the automation waits until someone allowed to process it submits the form
 * valid. The form class is a plain Java class whose fields carry Bean Validation constraints; on a
 * valid submission its values are stored in the instance's data, and who submitted it and when in
 * {@code _<node>_validated}.
 *
 * <pre>{@code
 * final Form approve = form(Approval.class)
 *         .group("managers")
 *         .description("Approve the offer")
 *         .successUrl("/offers.xhtml");
 * }</pre>
 *
 * <p>{@code user}, {@code group} and {@code permission} (a role) all have to be satisfied; several
 * permissions are all required; administrators can always process the form.
 */
public class Form extends Node<Form> {

    private final Class<?> formClass;
    private String user;
    private String group;
    private final List<String> permissions = new ArrayList<>();
    private String templateName;
    private String successUrl;
    private final Map<String, Object> context = new LinkedHashMap<>();

    public Form(Class<?> formClass) {
        this.formClass = Objects.requireNonNull(formClass, "formClass");
    }

    /** Only this user (the caller principal's name) may process it. */
    public Form user(String userName) {
        Objects.requireNonNull(userName, "userName");
        once(user, "user");
        user = userName;
        return this;
    }

    /** Only members of this group may process it. */
    public Form group(String groupName) {
        Objects.requireNonNull(groupName, "groupName");
        once(group, "group");
        group = groupName;
        return this;
    }

    /** Only callers in this role may process it; several permissions are all required. */
    public Form permission(String role) {
        permissions.add(Objects.requireNonNull(role, "role"));
        return this;
    }

    /** The Facelets template that renders the form, instead of the generic form page. */
    public Form templateName(String template) {
        Objects.requireNonNull(template, "template");
        once(templateName, "templateName");
        templateName = template;
        return this;
    }

    /** Where the person goes after a valid submission. */
    public Form successUrl(String url) {
        Objects.requireNonNull(url, "url");
        once(successUrl, "successUrl");
        successUrl = url;
        return this;
    }

    /** Extra values for the form's template; they override the automation's and the configuration's. */
    public Form context(Map<String, ?> values) {
        context.putAll(Objects.requireNonNull(values, "values"));
        return this;
    }

    public final Class<?> getFormClass() {
        return formClass;
    }

    public final String getUser() {
        return user;
    }

    public final String getGroup() {
        return group;
    }

    public final List<String> getPermissions() {
        return Collections.unmodifiableList(permissions);
    }

    public final String getTemplateName() {
        return templateName;
    }

    public final String getSuccessUrl() {
        return successUrl;
    }

    public final Map<String, Object> getContext() {
        return Collections.unmodifiableMap(context);
    }
}
