package com.ms5.floor.app.runtime;

import com.ms5.floor.analytics.TimeRange;
import com.ms5.floor.app.model.LineHistory;
import java.util.concurrent.CompletableFuture;
import java.util.function.DoubleConsumer;

/** Reads a line's past; {@link DowntimeService#lineHistory} is the station's. */
@FunctionalInterface
public interface LineHistoryReader {
    /**
     * @param progress told the share read so far, from any thread
     * @return the history; cancelling it stops the read where it is
     */
    CompletableFuture<LineHistory> lineHistory(String lineId, TimeRange window, DoubleConsumer progress);
}
