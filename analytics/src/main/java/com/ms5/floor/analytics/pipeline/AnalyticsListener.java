package com.ms5.floor.analytics.pipeline;

import com.ms5.floor.analytics.ProductionMinute;
import com.ms5.floor.analytics.andon.AndonEvent;
import com.ms5.floor.analytics.downtime.DowntimeEvent;
import com.ms5.floor.analytics.state.StateInterval;

/**
 * Receives what analytics concludes, on the thread that feeds it, in order. Persistence stores it;
 * the UI shows it. Implementations must return quickly.
 */
public interface AnalyticsListener {
    default void onInterval(StateInterval closed) {
    }

    default void onDowntime(DowntimeEvent event) {
    }

    default void onMinute(ProductionMinute minute) {
    }

    default void onAndon(AndonEvent event) {
    }
}
