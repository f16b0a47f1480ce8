package com.ms5.floor.app.live;

import java.util.UUID;

/**
 * Something a person or station changed in the shared database, as the change feed announces it
 * to every station (this one's own changes included). Small: ids, not documents; whoever cares
 * reads the rest.
 */
public sealed interface StationEvent {
    /** The station that made the change. */
    String station();

    /** An Andon call was acknowledged, resolved, shelved or unshelved. */
    record CallChanged(UUID callId, String station) implements StationEvent {
    }

    /** A stop was given a reason or split. */
    record StopChanged(UUID stopId, String station) implements StationEvent {
    }

    /** The owner of a line stored its status. */
    record LineChanged(String lineId, String station) implements StationEvent {
    }

    /** A new version of a configuration document ({@code config_version.kind}) was stored. */
    record ConfigStored(String kind, String station) implements StationEvent {
    }
}
