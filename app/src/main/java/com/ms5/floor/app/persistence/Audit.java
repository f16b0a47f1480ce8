package com.ms5.floor.app.persistence;

import org.hibernate.Session;

/** Appends to the audit log in the caller's transaction: the change and its record commit together. */
final class Audit {
    private Audit() {
    }

    static void record(Session session, String stationId, String who, String action, String subject, String detail) {
        session.createNativeMutationQuery(
                        "INSERT INTO audit_log (station_id, who, action, subject, detail) VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, stationId)
                .setParameter(2, who)
                .setParameter(3, action)
                .setParameter(4, subject)
                .setParameter(5, detail)
                .executeUpdate();
    }
}
