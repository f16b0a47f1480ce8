package com.ms5.floor.plc.virtual;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The controller's tag database: names to live values. Logix tag names are case-insensitive,
 * so lookups ignore case. Thread-safe: connections read while the simulation registers tags.
 */
public final class TagTable {
    private final Map<String, Supplier<CipValue>> tags = new ConcurrentHashMap<>();

    /** Registers a controller-scoped tag whose value is computed at each read. */
    public void define(String name, Supplier<CipValue> value) {
        tags.put(key(name), value);
    }

    public Optional<CipValue> read(String name) {
        Supplier<CipValue> supplier = tags.get(key(name));
        return supplier == null ? Optional.empty() : Optional.of(supplier.get());
    }

    public int size() {
        return tags.size();
    }

    private static String key(String name) {
        return name.toUpperCase(java.util.Locale.ROOT);
    }
}
