-- V6: every table has a retention rule (README, "Retention"). The month-partitioned tables lose
-- whole months (ms5_drop_partitions, V3); the others lose their rows older than the cutoff here.
-- ms5_prune_history(history_cutoff, audit_cutoff) deletes them and returns, per table, how many
-- rows went, so the app can log it. Every station calls it once a day with db.retentionMonths and
-- db.auditRetentionMonths; deleting what is already gone is a no-op, so several stations may.
CREATE FUNCTION ms5_prune_history(history_cutoff TIMESTAMPTZ, audit_cutoff TIMESTAMPTZ)
RETURNS TABLE (table_name TEXT, deleted BIGINT)
LANGUAGE plpgsql AS $$
DECLARE
    n BIGINT;
BEGIN
    -- Stops that ended before the cutoff; their edits go with them (ON DELETE CASCADE).
    DELETE FROM downtime_event WHERE end_at < history_cutoff;
    GET DIAGNOSTICS n = ROW_COUNT; table_name := 'downtime_event'; deleted := n; RETURN NEXT;
    -- Calls closed before the cutoff; an open call stays however old it is.
    DELETE FROM andon_call WHERE closed_at < history_cutoff;
    GET DIAGNOSTICS n = ROW_COUNT; table_name := 'andon_call'; deleted := n; RETURN NEXT;
    DELETE FROM alert_event WHERE at < history_cutoff;
    GET DIAGNOSTICS n = ROW_COUNT; table_name := 'alert_event'; deleted := n; RETURN NEXT;
    DELETE FROM oee_shift WHERE shift_end < history_cutoff;
    GET DIAGNOSTICS n = ROW_COUNT; table_name := 'oee_shift'; deleted := n; RETURN NEXT;
    DELETE FROM shift_report WHERE shift_end < history_cutoff;
    GET DIAGNOSTICS n = ROW_COUNT; table_name := 'shift_report'; deleted := n; RETURN NEXT;
    -- A station not heard from since the cutoff, and a line no station has reported since, are gone.
    DELETE FROM station WHERE heartbeat_at < history_cutoff;
    GET DIAGNOSTICS n = ROW_COUNT; table_name := 'station'; deleted := n; RETURN NEXT;
    DELETE FROM line_snapshot WHERE updated_at < history_cutoff;
    GET DIAGNOSTICS n = ROW_COUNT; table_name := 'line_snapshot'; deleted := n; RETURN NEXT;
    -- Configuration versions are kept as long as the audit log that names them; the newest
    -- version of each kind stays whatever its age, since it is the configuration in use.
    DELETE FROM config_version v WHERE v.created_at < audit_cutoff
        AND v.version < (SELECT max(newest.version) FROM config_version newest WHERE newest.kind = v.kind);
    GET DIAGNOSTICS n = ROW_COUNT; table_name := 'config_version'; deleted := n; RETURN NEXT;
END $$;
