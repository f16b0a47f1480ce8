package com.ms5.floor.app.model;

import com.ms5.floor.analytics.oee.OeeFigures;
import java.time.LocalDate;
import java.util.List;

/**
 * A line's or machine's OEE per day or week over a longer time, and the stop reasons that grew or
 * shrank most between its first and second half.
 *
 * @param target the OEE a plant aims at, drawn as a line
 */
public record OeeTrend(String subject, Unit unit, List<Point> points, List<LossChange> losses, double target) {
    public enum Unit { DAY, WEEK }

    /** One day or week: the figures of its shifts added up (times and counts; calendar and loss details are not kept per shift). */
    public record Point(LocalDate start, OeeFigures figures) {
    }

    /** A reason's stop time in the first and in the second half of the trend. */
    public record LossChange(String reason, double firstHalfSeconds, double secondHalfSeconds) {
        public double change() {
            return secondHalfSeconds - firstHalfSeconds;
        }
    }

    public OeeTrend {
        points = List.copyOf(points);
        losses = List.copyOf(losses);
    }
}
