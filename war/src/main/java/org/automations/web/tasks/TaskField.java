package org.automations.web.tasks;

import jakarta.faces.convert.Converter;
import java.util.List;

/**
 * One input of the generic form page: a property of the form class (or of the model form's
 * entity) with its label, its kind of input and its constraints.
 *
 * @param name      the property name (also the input's id, prefixed {@code f_})
 * @param label     from the form's bundle, the tasks bundle or the property name
 * @param kind      which input renders it
 * @param type      the property's type
 * @param required  {@code @NotNull}, {@code @NotBlank} or {@code @NotEmpty}, or a primitive
 * @param primitive a primitive number or boolean (never {@code null})
 * @param maxLength {@code @Size(max)} of a string, or {@code null}
 * @param step      the number input's step ({@code 1} for whole numbers, {@code any} else)
 * @param options   the choices of an enum
 * @param converter converts between the input's text and the property's type
 */
public record TaskField(String name, String label, Kind kind, Class<?> type, boolean required, boolean primitive,
                        Integer maxLength, String step, List<Option> options, Converter<Object> converter) {

    /** The kinds of input, by property type. */
    public enum Kind {
        TEXT, TEXTAREA, NUMBER, EMAIL, DATE, CHECKBOX, SELECT
    }

    /** One choice of a select. */
    public record Option(Object value, String label) {
    }

    /** The kind's name, for the page's {@code c:choose}. */
    public String getKindName() {
        return kind.name();
    }

    /** {@code @Size(max)}, or "no limit" for the input's {@code maxlength} (Faces leaves it out). */
    public int getMaxLengthAttribute() {
        return maxLength != null ? maxLength : Integer.MIN_VALUE;
    }

    /** The input's component id. */
    public String getId() {
        return "f_" + name;
    }
}
