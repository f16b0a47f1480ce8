package com.ms5.floor.app.runtime;

import com.ms5.floor.app.live.StationEvent;
import com.ms5.floor.app.live.StationEvents;
import com.ms5.floor.app.persistence.ChangeFeed;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the database's change notices ({@link ChangeFeed}: {@code andon:<id>@<station>}, ...) into
 * typed {@link StationEvent}s for whoever follows them. Runs on {@code db-listen}.
 */
@Singleton
public final class ChangeFeedRouter {
    private static final Logger log = LoggerFactory.getLogger(ChangeFeedRouter.class);

    private final StationEvents events;
    private volatile ChangeFeed feed;

    @Inject
    ChangeFeedRouter(StationEvents events) {
        this.events = events;
    }

    /** Starts listening once the database is open. */
    void listen(Connected connected) {
        feed = new ChangeFeed(connected.database(), this::route);
    }

    /** A notice as the event it announces, or {@code null} for a notice this version does not know. */
    static StationEvent parse(String payload) {
        int at = payload.lastIndexOf(ChangeFeed.FROM);
        String what = at < 0 ? payload : payload.substring(0, at);
        String from = at < 0 ? "" : payload.substring(at + 1);
        if (what.startsWith(ChangeFeed.ANDON)) {
            return new StationEvent.CallChanged(UUID.fromString(what.substring(ChangeFeed.ANDON.length())), from);
        } else if (what.startsWith(ChangeFeed.DOWNTIME)) {
            return new StationEvent.StopChanged(UUID.fromString(what.substring(ChangeFeed.DOWNTIME.length())), from);
        } else if (what.startsWith(ChangeFeed.LINE)) {
            return new StationEvent.LineChanged(what.substring(ChangeFeed.LINE.length()), from);
        } else if (what.startsWith(ChangeFeed.CONFIG)) {
            return new StationEvent.ConfigStored(what.substring(ChangeFeed.CONFIG.length()), from);
        }
        return null;
    }

    private void route(String payload) {
        StationEvent event;
        try {
            event = parse(payload);
        } catch (IllegalArgumentException e) {
            event = null;
        }
        if (event == null) {
            log.warn("Change notice '{}' is not one this station knows (another version of MS5?); ignored", payload);
            return;
        }
        events.publish(event);
    }

    void close() {
        if (feed != null) {
            feed.close();
        }
    }
}
