package org.automations.web.tasks;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Converts an input's text to its property's type and back: numbers (HTML number inputs send
 * {@code 12.50}), {@link LocalDate} (HTML date inputs send ISO {@code 2026-03-02}), enums (by
 * constant name) and strings. A text that does not fit gives a message from the tasks bundle.
 */
final class TaskFieldConverter implements Converter<Object> {

    private final Class<?> type;

    TaskFieldConverter(Class<?> type) {
        this.type = type;
    }

    @Override
    public Object getAsObject(FacesContext context, UIComponent component, String value) {
        if (value == null || value.isBlank()) {
            return type == String.class ? value : null;
        }
        String text = value.strip();
        try {
            if (type == String.class) {
                return value;
            }
            if (type == LocalDate.class) {
                return LocalDate.parse(text);
            }
            if (type.isEnum()) {
                for (Object constant : type.getEnumConstants()) {
                    if (((Enum<?>) constant).name().equals(text)) {
                        return constant;
                    }
                }
                throw fail(context, "convert.option");
            }
            BigDecimal number = new BigDecimal(text);
            if (type == BigDecimal.class) {
                return number;
            }
            if (type == BigInteger.class) {
                return number.toBigIntegerExact();
            }
            if (type == Long.class || type == long.class) {
                return number.longValueExact();
            }
            if (type == Integer.class || type == int.class) {
                return number.intValueExact();
            }
            if (type == Short.class || type == short.class) {
                return number.shortValueExact();
            }
            if (type == Double.class || type == double.class) {
                return number.doubleValue();
            }
            if (type == Float.class || type == float.class) {
                return number.floatValue();
            }
        } catch (NumberFormatException | ArithmeticException e) {
            throw fail(context, isWholeNumber(type) ? "convert.wholeNumber" : "convert.number");
        } catch (DateTimeParseException e) {
            throw fail(context, "convert.date");
        }
        return value;
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return value.toString();
    }

    static boolean isWholeNumber(Class<?> type) {
        return type == Long.class || type == long.class || type == Integer.class || type == int.class
                || type == Short.class || type == short.class || type == BigInteger.class;
    }

    private static ConverterException fail(FacesContext context, String key) {
        String text = TaskTexts.get(context, key);
        return new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
    }
}
