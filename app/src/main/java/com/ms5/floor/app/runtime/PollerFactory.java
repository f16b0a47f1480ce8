package com.ms5.floor.app.runtime;

import com.ms5.floor.plc.api.SampleBatchListener;
import com.ms5.floor.plc.poll.PollTag;
import com.ms5.floor.plc.poll.Poller;
import com.ms5.floor.plc.tagmap.TagMap;
import java.time.Clock;
import java.util.List;

/** Makes the poller of one PLC connection; the app's is PLC4X's ({@link Poller}), started by the caller. */
@FunctionalInterface
public interface PollerFactory {
    Poller create(TagMap.Connection connection, List<PollTag> tags, Clock clock, SampleBatchListener listener);
}
