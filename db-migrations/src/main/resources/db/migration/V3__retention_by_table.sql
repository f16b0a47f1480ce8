-- Retention by table, and saying what it drops: ms5_drop_partitions(parents, cutoff) drops the
-- month partitions of the given tables that end at or before the cutoff and returns each one's
-- name, so the app can log every partition it drops. The app calls it with the history tables
-- (db.retentionMonths) and, separately, with the audit log (db.auditRetentionMonths, never shorter).
CREATE FUNCTION ms5_drop_partitions(parents TEXT[], cutoff TIMESTAMPTZ) RETURNS SETOF TEXT
LANGUAGE plpgsql AS $$
DECLARE
    part RECORD;
BEGIN
    FOR part IN
        SELECT c.relname
        FROM pg_inherits i
        JOIN pg_class c ON c.oid = i.inhrelid
        JOIN pg_class p ON p.oid = i.inhparent
        WHERE p.relname = ANY (parents)
          AND c.relname ~ '_\d{4}_\d{2}$'
        ORDER BY c.relname
    LOOP
        IF to_date(right(part.relname, 7), 'YYYY_MM') + INTERVAL '1 month' <= cutoff AT TIME ZONE 'UTC' THEN
            EXECUTE format('DROP TABLE %I', part.relname);
            RETURN NEXT part.relname;
        END IF;
    END LOOP;
END $$;
