package com.ms5.floor.plc.api;

import java.util.Objects;

/**
 * Which controller tag feeds which named value.
 *
 * @param name    the binding's name, unique within a connection (for example {@code Filler.totalCount})
 * @param address the PLC4X address as the driver takes it, for example {@code Filler_TotalCount:DINT}
 */
public record TagBinding(String name, String address) {
    public TagBinding {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        if (name.isBlank() || address.isBlank()) {
            throw new IllegalArgumentException("A tag binding needs a name and an address");
        }
    }
}
