package org.automations.web.tasks;

import jakarta.faces.context.FacesContext;
import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * Reads a form class (or a model form's entity class) into the inputs of the generic form page:
 * every property with a getter and a setter of a supported type, in the order the fields are
 * declared (superclass first).
 *
 * <ul>
 *   <li>{@code String}: a text input; {@code @Size(max > 255)}: a text area; {@code @Email}: an
 *   e-mail input;</li>
 *   <li>numbers ({@code int}, {@code long}, {@code short}, {@code double}, {@code float}, their
 *   wrappers, {@code BigDecimal}, {@code BigInteger}): a number input;</li>
 *   <li>{@code LocalDate}: a date input; {@code boolean}/{@code Boolean}: a checkbox; an enum: a
 *   select;</li>
 *   <li>required (a mark next to the label): {@code @NotNull}, {@code @NotBlank}, {@code @NotEmpty};</li>
 *   <li>not shown: other types, and JPA ids, versions, generated, transient and relationship
 *   properties.</li>
 * </ul>
 *
 * <p>Labels: the key {@code <property>} in the bundle {@code <FormClass>Messages}, else in the
 * bundle {@code Messages} of the form class's package (both loaded with the form class's class
 * loader, so properties files or {@code ListResourceBundle} classes next to it), else
 * {@code field.<property>} in the tasks bundle, else the property name split into words
 * ({@code receiptEmail}: "Receipt email"). Enum options use the key
 * {@code <EnumSimpleName>.<CONSTANT>} the same way.
 */
final class TaskFields {

    private static final int TEXTAREA_ABOVE = 255;

    private static final Set<String> SKIPPED = Set.of(
            "jakarta.persistence.Id", "jakarta.persistence.EmbeddedId", "jakarta.persistence.Version",
            "jakarta.persistence.GeneratedValue", "jakarta.persistence.Transient",
            "jakarta.persistence.ManyToOne", "jakarta.persistence.OneToMany", "jakarta.persistence.OneToOne",
            "jakarta.persistence.ManyToMany", "jakarta.persistence.ElementCollection");

    private TaskFields() {
    }

    static List<TaskField> of(Class<?> type, FacesContext faces) {
        Locale locale = faces.getViewRoot() != null ? faces.getViewRoot().getLocale()
                : faces.getApplication().getViewHandler().calculateLocale(faces);
        List<ResourceBundle> bundles = bundles(type, locale);
        Map<String, PropertyDescriptor> properties = new LinkedHashMap<>();
        try {
            for (PropertyDescriptor property : Introspector.getBeanInfo(type, Object.class).getPropertyDescriptors()) {
                if (property.getReadMethod() != null && property.getWriteMethod() != null) {
                    properties.put(property.getName(), property);
                }
            }
        } catch (IntrospectionException e) {
            throw new IllegalStateException("Cannot read the properties of form class " + type.getName(), e);
        }
        List<String> order = new ArrayList<>();
        List<Class<?>> hierarchy = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            hierarchy.add(0, c);
        }
        for (Class<?> c : hierarchy) {
            for (Field field : c.getDeclaredFields()) {
                if (properties.containsKey(field.getName()) && !order.contains(field.getName())) {
                    order.add(field.getName());
                }
            }
        }
        properties.keySet().stream().filter(name -> !order.contains(name)).forEach(order::add);

        List<TaskField> fields = new ArrayList<>();
        for (String name : order) {
            PropertyDescriptor property = properties.get(name);
            Field field = findField(hierarchy, name);
            List<AnnotatedElement> places = new ArrayList<>();
            if (field != null) {
                places.add(field);
            }
            places.add(property.getReadMethod());
            if (has(places, SKIPPED)) {
                continue;
            }
            TaskField.Kind kind = kind(property.getPropertyType(), places);
            if (kind == null) {
                continue;
            }
            Class<?> propertyType = property.getPropertyType();
            Integer max = sizeMax(places);
            if (kind == TaskField.Kind.TEXT && max != null && max > TEXTAREA_ABOVE) {
                kind = TaskField.Kind.TEXTAREA;
            }
            boolean primitive = propertyType.isPrimitive();
            boolean required = primitive && kind != TaskField.Kind.CHECKBOX
                    || has(places, Set.of("jakarta.validation.constraints.NotNull",
                    "jakarta.validation.constraints.NotBlank", "jakarta.validation.constraints.NotEmpty"));
            List<TaskField.Option> options = new ArrayList<>();
            if (propertyType.isEnum()) {
                for (Object constant : propertyType.getEnumConstants()) {
                    String constantName = ((Enum<?>) constant).name();
                    options.add(new TaskField.Option(constant,
                            label(faces, bundles, propertyType.getSimpleName() + "." + constantName, constantName, true)));
                }
            }
            String step = TaskFieldConverter.isWholeNumber(propertyType) ? "1" : "any";
            fields.add(new TaskField(name, label(faces, bundles, name, name, false), kind, propertyType, required,
                    primitive, max, step, List.copyOf(options), new TaskFieldConverter(propertyType)));
        }
        return List.copyOf(fields);
    }

    private static TaskField.Kind kind(Class<?> type, List<AnnotatedElement> places) {
        if (type == String.class) {
            return has(places, Set.of("jakarta.validation.constraints.Email")) ? TaskField.Kind.EMAIL : TaskField.Kind.TEXT;
        }
        if (type == boolean.class || type == Boolean.class) {
            return TaskField.Kind.CHECKBOX;
        }
        if (type == LocalDate.class) {
            return TaskField.Kind.DATE;
        }
        if (type.isEnum()) {
            return TaskField.Kind.SELECT;
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class || type == double.class || type == Double.class
                || type == float.class || type == Float.class || type == BigDecimal.class || type == BigInteger.class) {
            return TaskField.Kind.NUMBER;
        }
        return null;
    }

    private static Field findField(List<Class<?>> hierarchy, String name) {
        for (int i = hierarchy.size() - 1; i >= 0; i--) {
            try {
                return hierarchy.get(i).getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                // try the superclass
            }
        }
        return null;
    }

    private static boolean has(List<AnnotatedElement> places, Set<String> annotationNames) {
        for (AnnotatedElement place : places) {
            for (Annotation annotation : place.getAnnotations()) {
                if (annotationNames.contains(annotation.annotationType().getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Integer sizeMax(List<AnnotatedElement> places) {
        for (AnnotatedElement place : places) {
            for (Annotation annotation : place.getAnnotations()) {
                if (annotation.annotationType().getName().equals("jakarta.validation.constraints.Size")) {
                    try {
                        Method max = annotation.annotationType().getMethod("max");
                        int value = (Integer) max.invoke(annotation);
                        return value == Integer.MAX_VALUE ? null : value;
                    } catch (ReflectiveOperationException e) {
                        return null;
                    }
                }
            }
        }
        return null;
    }

    private static List<ResourceBundle> bundles(Class<?> type, Locale locale) {
        List<ResourceBundle> bundles = new ArrayList<>();
        ClassLoader loader = type.getClassLoader();
        for (String name : new String[] {type.getName() + "Messages", type.getPackageName() + ".Messages"}) {
            try {
                bundles.add(ResourceBundle.getBundle(name, locale, loader));
            } catch (MissingResourceException e) {
                // no such bundle: the next one, then the tasks bundle, then the name
            }
        }
        return bundles;
    }

    private static String label(FacesContext faces, List<ResourceBundle> bundles, String key, String name, boolean constant) {
        for (ResourceBundle bundle : bundles) {
            if (bundle.containsKey(key)) {
                return bundle.getString(key);
            }
        }
        String shared = TaskTexts.find(faces, "field." + key);
        if (shared != null) {
            return shared;
        }
        return constant ? humanizeConstant(name) : humanize(name);
    }

    /** {@code receiptEmail} becomes "Receipt email". */
    static String humanize(String name) {
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (i == 0) {
                words.append(Character.toUpperCase(c));
            } else if (Character.isUpperCase(c)) {
                words.append(' ').append(Character.toLowerCase(c));
            } else if (c == '_') {
                words.append(' ');
            } else {
                words.append(c);
            }
        }
        return words.toString();
    }

    /** {@code NOT_SURE} becomes "Not sure". */
    static String humanizeConstant(String name) {
        String lower = name.replace('_', ' ').toLowerCase(Locale.ROOT);
        return lower.isEmpty() ? lower : Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
