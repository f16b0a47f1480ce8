package com.ms5.floor.analytics.downtime;

import java.util.EnumMap;
import java.util.Map;

/**
 * What a minute of downtime costs, in the plant's currency: a rate per line, and optionally a rate
 * per loss category that replaces the line's for stops of that category (a quality stop that also
 * scraps product costs more than the line standing still). A line without a rate costs nothing.
 *
 * @param currency   how amounts are shown ({@code EUR}), or empty
 * @param byLine     cost per minute by line id
 * @param byCategory cost per minute by loss category, where it differs from the line's
 */
public record DowntimeCost(String currency, Map<String, Double> byLine, Map<LossCategory, Double> byCategory) {
    public static final DowntimeCost NONE = new DowntimeCost("", Map.of(), Map.of());

    public DowntimeCost {
        currency = currency == null ? "" : currency;
        byLine = Map.copyOf(byLine);
        byCategory = byCategory.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(byCategory));
    }

    /** Cost per minute of a stop of {@code category} on {@code lineId}. */
    public double perMinute(String lineId, LossCategory category) {
        Double rate = byCategory.get(category);
        return rate != null ? rate : byLine.getOrDefault(lineId, 0.0);
    }

    /** Whether any stop costs anything (else the Pareto has nothing to sort by money). */
    public boolean any() {
        return byLine.values().stream().anyMatch(v -> v > 0) || byCategory.values().stream().anyMatch(v -> v > 0);
    }
}
