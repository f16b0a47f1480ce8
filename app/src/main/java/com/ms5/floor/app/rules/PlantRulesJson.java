package com.ms5.floor.app.rules;

import com.ms5.floor.app.base.Messages;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import java.util.stream.Collectors;

/** Plant rules as the JSON a stored configuration version holds. */
public final class PlantRulesJson {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private PlantRulesJson() {
    }

    /**
     * Reads and checks stored rules.
     *
     * @param source names the document in messages ("plant rules version 3")
     * @throws IllegalArgumentException naming the source and every problem
     */
    public static PlantRules fromJson(String json, String source) {
        PlantRules rules;
        try {
            rules = JSON.readValue(json, PlantRules.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(Messages.format("rules.notReadable", source, e.getOriginalMessage()), e);
        }
        List<PlantRulesCheck.Problem> problems = PlantRulesCheck.problems(rules);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(source + " has " + problems.size() + " problem(s):\n  "
                    + problems.stream().map(Object::toString).collect(Collectors.joining("\n  ")));
        }
        return rules;
    }

    public static String toJson(PlantRules rules) {
        try {
            return JSON.writeValueAsString(rules);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The plant rules cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
