package com.ms5.floor.analytics.trend;

import java.util.List;

/**
 * Where a quantity that grows minute by minute (parts, good ideal seconds) will stand at the end
 * of the shift, with a 95 % band. The recent minutes give the mean m and the standard deviation s
 * per minute; over R more minutes the sum grows by m R, and if minutes vary independently its
 * spread is s sqrt(R), so the band is m R +- 1.96 s sqrt(R).
 */
public record Projection(double expected, double low, double high) {

    /**
     * @param soFar            the total up to now
     * @param recentPerMinute  the last minutes' increments, oldest first (at least two for a band)
     * @param remainingMinutes planned production minutes left in the shift
     */
    public static Projection of(double soFar, List<? extends Number> recentPerMinute, double remainingMinutes) {
        int n = recentPerMinute.size();
        if (n == 0 || remainingMinutes <= 0) {
            return new Projection(soFar, soFar, soFar);
        }
        double mean = 0;
        for (Number x : recentPerMinute) {
            mean += x.doubleValue();
        }
        mean /= n;
        double var = 0;
        for (Number x : recentPerMinute) {
            var += (x.doubleValue() - mean) * (x.doubleValue() - mean);
        }
        double sd = n > 1 ? Math.sqrt(var / (n - 1)) : 0;
        double expected = soFar + mean * remainingMinutes;
        double half = 1.96 * sd * Math.sqrt(remainingMinutes);
        return new Projection(expected, Math.max(soFar, expected - half), expected + half);
    }

    /** This projection divided by a denominator, e.g. good ideal seconds over loading seconds = OEE. */
    public Projection over(double denominator) {
        return new Projection(expected / denominator, low / denominator, high / denominator);
    }
}
