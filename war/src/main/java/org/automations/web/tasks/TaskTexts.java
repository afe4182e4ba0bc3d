package org.automations.web.tasks;

import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The tasks bundle ({@code tasksMsg}) in the request's locale, for texts made in Java. */
final class TaskTexts {

    private TaskTexts() {
    }

    static String get(FacesContext context, String key, Object... arguments) {
        ResourceBundle bundle = context.getApplication().getResourceBundle(context, "tasksMsg");
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, bundle.getLocale()).format(arguments);
    }

    /** The text, or {@code null} if the bundle has no such key. */
    static String find(FacesContext context, String key) {
        ResourceBundle bundle = context.getApplication().getResourceBundle(context, "tasksMsg");
        return bundle.containsKey(key) ? bundle.getString(key) : null;
    }
}
