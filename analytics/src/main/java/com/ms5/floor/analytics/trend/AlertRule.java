package com.ms5.floor.analytics.trend;

import java.time.Duration;

/**
 * "OEE of line 2 under 60 % for 10 minutes": raised when the metric stays beyond the threshold for
 * {@code minDuration}; cleared when it comes back past the threshold by {@code hysteresis}, so a
 * value that hovers at the threshold does not raise and clear over and over.
 *
 * @param metric a key such as {@code L2.oee}
 */
public record AlertRule(String id, String metric, Direction direction, double threshold, double hysteresis,
                        Duration minDuration, String message) {
    public enum Direction { BELOW, ABOVE }

    boolean beyond(double value) {
        return direction == Direction.BELOW ? value < threshold : value > threshold;
    }

    boolean recovered(double value) {
        return direction == Direction.BELOW ? value >= threshold + hysteresis : value <= threshold - hysteresis;
    }
}
