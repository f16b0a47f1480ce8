package com.ms5.floor.app.model;

/**
 * What the status bar says about this station.
 *
 * @param source   where the data comes from, for example "Virtual plant (demo) at logix://127.0.0.1:41234"
 * @param database the database in words, or what is wrong with it
 * @param databaseOk whether the database is usable
 */
public record StationStatus(String source, String database, boolean databaseOk) {
}
