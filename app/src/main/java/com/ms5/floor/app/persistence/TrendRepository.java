package com.ms5.floor.app.persistence;

import com.ms5.floor.analytics.oee.OeeFigures;
import com.ms5.floor.analytics.oee.OeeProfile;
import com.ms5.floor.app.model.OeeTrend;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OEE over weeks and months, from each machine's shift figures (oee_shift, stored live as each
 * shift ended), and the stop reasons over the same time. Blocking: not on the FX thread; a failure
 * is a {@link StorageException}.
 */
public final class TrendRepository {
    private final Database database;

    public TrendRepository(Database database) {
        this.database = database;
    }

    /**
     * The machines' shifts under {@code profile} that start in [{@code from}, {@code to}), added up per
     * day or ISO week of {@code zone}, oldest first. Times and ideal times are summed, never percentages: performance
     * times run time is the ideal time of the parts, quality times that the good parts' ideal time.
     */
    public List<OeeTrend.Point> byPeriod(List<String> machineIds, Instant from, Instant to, OeeTrend.Unit unit, ZoneId zone,
                                         OeeProfile profile) {
        String sql = "SELECT date_trunc(?, shift_start AT TIME ZONE ?) AS period, sum(planned_seconds), sum(run_seconds), "
                + "sum(CASE WHEN performance = 'NaN' THEN 0 ELSE performance * run_seconds END), "
                + "sum(CASE WHEN performance = 'NaN' OR quality = 'NaN' THEN 0 ELSE quality * performance * run_seconds END), "
                + "sum(total_count), sum(good_count) FROM oee_shift "
                + "WHERE machine_id = ANY (?) AND shift_start >= ? AND shift_start < ? AND profile = ? GROUP BY period ORDER BY period";
        try (Connection c = database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, unit == OeeTrend.Unit.WEEK ? "week" : "day");
            s.setString(2, zone.getId());
            s.setArray(3, c.createArrayOf("varchar", machineIds.toArray()));
            s.setTimestamp(4, Timestamp.from(from));
            s.setTimestamp(5, Timestamp.from(to));
            s.setString(6, profile.name());
            List<OeeTrend.Point> points = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    double loading = r.getDouble(2);
                    points.add(new OeeTrend.Point(r.getTimestamp(1).toLocalDateTime().toLocalDate(), new OeeFigures(profile,
                            loading, loading, r.getDouble(3), 0, 0, 0, 0, 0, 0, 0, r.getLong(6), r.getLong(7), r.getDouble(4),
                            r.getDouble(5), 0, List.of())));
                }
            }
            return points;
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    /** Seconds of stops per reason of the line in [{@code from}, {@code to}), by the stop's start. */
    public Map<String, Double> stopSecondsByReason(String lineId, Instant from, Instant to) {
        String sql = "SELECT reason_id, sum(extract(epoch FROM end_at - start_at)) FROM downtime_event "
                + "WHERE line_id = ? AND start_at >= ? AND start_at < ? GROUP BY reason_id";
        try (Connection c = database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, lineId);
            s.setTimestamp(2, Timestamp.from(from));
            s.setTimestamp(3, Timestamp.from(to));
            Map<String, Double> seconds = new LinkedHashMap<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    seconds.put(r.getString(1), r.getDouble(2));
                }
            }
            return seconds;
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }
}
