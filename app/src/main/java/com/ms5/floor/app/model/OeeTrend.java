package com.ms5.floor.app.model;

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

    /**
     * One day or week: the times and ideal times of its shifts added up.
     *
     * @param loadingSeconds the planned busy time (the denominator of availability)
     */
    public record Point(LocalDate start, double loadingSeconds, double runSeconds, double idealSeconds,
                        double goodIdealSeconds, long totalCount, long goodCount) {
        public double availability() {
            return ratio(runSeconds, loadingSeconds);
        }

        public double performance() {
            return ratio(idealSeconds, runSeconds);
        }

        public double quality() {
            return ratio(goodIdealSeconds, idealSeconds);
        }

        public double oee() {
            return ratio(goodIdealSeconds, loadingSeconds);
        }
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

    private static double ratio(double part, double whole) {
        return whole > 0 ? part / whole : Double.NaN;
    }
}
