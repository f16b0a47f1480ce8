package com.ms5.floor.app.model;

import java.time.Instant;

/**
 * One line of the audit log: who did what, when, from which station.
 *
 * @param subject what it was done to: {@code andon:<id>}, {@code downtime:<id>}, or a configuration kind
 */
public record AuditEntry(Instant at, String station, String who, String action, String subject, String detail) {
}
