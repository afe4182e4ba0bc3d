package org.automations.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads and writes the engine's JSON columns with one shared, thread-safe Jackson mapper. */
public final class Json {

    /** java.time values are written as ISO-8601 strings, so an Instant in the data stays readable. */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() { };

    private Json() {
    }

    public static Map<String, Object> readMap(String json) {
        if (json == null || json.isBlank()) {
            return new LinkedHashMap<>();
        }
        try {
            return MAPPER.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored automation data is not a JSON object: " + e.getOriginalMessage(), e);
        }
    }

    /** Writes a value; throws {@link IllegalArgumentException} if it is not JSON-serialisable. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not JSON-serialisable: " + e.getOriginalMessage(), e);
        }
    }

    /** Converts a JSON value (as read from the data) to the given type, e.g. an id to {@code Long}. */
    public static <T> T convert(Object value, Class<T> type) {
        return MAPPER.convertValue(value, type);
    }

    /** Whether the value can be converted to the type (the spec's data-requirement check). */
    public static boolean convertible(Object value, Class<?> type) {
        if (value == null) {
            return false;
        }
        if (type == String.class) {
            return value instanceof String || value instanceof Number || value instanceof Boolean;
        }
        try {
            return MAPPER.convertValue(value, type) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A new object of the type filled from the data's matching keys (the others are ignored). */
    public static <T> T fill(Map<String, Object> data, Class<T> type) {
        return MAPPER.copy().configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .convertValue(data, type);
    }

    /** The object's properties as a JSON-ready map. */
    public static Map<String, Object> toMap(Object value) {
        return MAPPER.convertValue(value, MAP);
    }

    /** Writes a value, or returns {@code null} when it is not JSON-serialisable. */
    public static String writeOrNull(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException | RuntimeException e) {
            return null;
        }
    }
}
