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
