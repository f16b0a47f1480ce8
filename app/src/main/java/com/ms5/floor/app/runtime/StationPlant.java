package com.ms5.floor.app.runtime;

import com.ms5.floor.plc.tagmap.TagMap;
import com.ms5.floor.plc.virtual.VirtualPlant;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * The plant this station works on: its analytics, and in demo mode the built-in virtual plant.
 * Both exist once {@link StationLifecycle} has prepared the station (a few seconds after start);
 * any thread, no I/O.
 */
@Singleton
public final class StationPlant {
    private volatile AnalyticsRuntime analytics;
    private volatile VirtualPlant virtualPlant;

    /** The plant's analytics once the station is prepared. */
    public Optional<AnalyticsRuntime> analytics() {
        return Optional.ofNullable(analytics);
    }

    /** The built-in virtual plant in demo mode once started. */
    public Optional<VirtualPlant> virtualPlant() {
        return Optional.ofNullable(virtualPlant);
    }

    /** A line's or machine's display name (its id until the plant is loaded). */
    public String name(String id) {
        AnalyticsRuntime a = analytics;
        return a == null ? id : a.name(id);
    }

    /** The demo's tag map names the virtual controllers' usual ports; they listen elsewhere. */
    TagMap pointed(TagMap configured) {
        VirtualPlant plant = virtualPlant;
        return plant == null ? configured : plant.pointAt(configured);
    }

    void use(VirtualPlant plant) {
        virtualPlant = plant;
    }

    void use(AnalyticsRuntime plantAnalytics) {
        analytics = plantAnalytics;
    }

    void close() {
        if (analytics != null) {
            analytics.close();
        }
    }

    void closeVirtualPlant() {
        if (virtualPlant != null) {
            virtualPlant.close();
        }
    }
}
