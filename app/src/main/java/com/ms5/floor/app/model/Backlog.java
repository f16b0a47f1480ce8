package com.ms5.floor.app.model;

import java.time.Instant;

/**
 * How storing goes: the journal's state.
 *
 * @param offlineSince when writing to the database began to fail, or {@code null} while it works
 * @param waiting      events in the journal that the database does not have yet
 * @param stored       events this run stored in the database
 * @param setAside     events the database refused for what they say, kept in the journal's
 *                     {@code set_aside} table instead of blocking the ones behind them
 */
public record Backlog(Instant offlineSince, long waiting, long stored, long setAside) {
    public boolean online() {
        return offlineSince == null;
    }
}
