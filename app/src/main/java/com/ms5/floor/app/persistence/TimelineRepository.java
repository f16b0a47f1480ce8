package com.ms5.floor.app.persistence;

import com.ms5.floor.analytics.state.MachineState;
import com.ms5.floor.analytics.state.StateInterval;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The machines' closed state intervals, for the line timeline. Blocking: not on the FX thread; a failure is a {@link StorageException}. */
public final class TimelineRepository {
    private final Database database;

    public TimelineRepository(Database database) {
        this.database = database;
    }

    /** Each machine's intervals that overlap [{@code from}, {@code to}), oldest first; every machine has a list. */
    public Map<String, List<StateInterval>> intervals(List<String> machineIds, Instant from, Instant to) {
        try {
            Map<String, List<StateInterval>> byMachine = new LinkedHashMap<>();
            machineIds.forEach(id -> byMachine.put(id, new ArrayList<>()));
            // Intervals last at most a day, so the partition key bounds the search (see V2's index comment).
            try (Connection c = database.dataSource().getConnection();
                 PreparedStatement s = c.prepareStatement("SELECT machine_id, state, start_at, end_at, fault_code, reason "
                         + "FROM state_interval WHERE machine_id = ANY (?) AND start_at > ? AND start_at < ? AND end_at > ? "
                         + "ORDER BY start_at")) {
                s.setArray(1, c.createArrayOf("varchar", machineIds.toArray()));
                s.setTimestamp(2, Timestamp.from(from.minusSeconds(86_400)));
                s.setTimestamp(3, Timestamp.from(to));
                s.setTimestamp(4, Timestamp.from(from));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        byMachine.get(r.getString(1)).add(new StateInterval(r.getString(1), MachineState.valueOf(r.getString(2)),
                                r.getTimestamp(3).toInstant(), r.getTimestamp(4).toInstant(), r.getLong(5), r.getString(6)));
                    }
                }
            }
            return byMachine;
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }
}
