-- V4: shift reports written once per shift for the plant, and read-only views for other systems.

-- Which station wrote a line's automatic report of a shift: the first station to insert the row
-- writes the files, so several stations (or a takeover) never write it twice.
CREATE TABLE shift_report (
    line_id     VARCHAR(64)  NOT NULL,
    shift_start TIMESTAMPTZ  NOT NULL,
    shift_end   TIMESTAMPTZ  NOT NULL,
    shift_name  VARCHAR(64)  NOT NULL,
    station_id  VARCHAR(128) NOT NULL,
    written_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    files       TEXT,
    PRIMARY KEY (line_id, shift_start)
);

-- Documented views for ERP, MES and BI (README, "Reading MS5 from other systems"). Their columns
-- are a contract: add columns at the end, never rename or drop one.

-- Counts per machine and minute (a restarted station's parts of one minute added up).
CREATE VIEW ms5_minute AS
    SELECT machine_id, minute_start, sum(total_count) AS total_count, sum(good_count) AS good_count,
           sum(ideal_seconds) AS ideal_seconds
    FROM production_minute GROUP BY machine_id, minute_start;

-- Each machine's OEE per shift, as computed live when the shift ended.
CREATE VIEW ms5_shift AS
    SELECT machine_id, shift_key, shift_start, shift_end, profile, planned_seconds, run_seconds,
           total_count, good_count, availability, performance, quality, oee
    FROM oee_shift;

-- Stops with the reason and comment people gave them.
CREATE VIEW ms5_stop AS
    SELECT id, line_id, machine_id, state, start_at, end_at,
           extract(epoch FROM end_at - start_at) AS seconds, fault_code, reason_id, comment, edited_by, edited_at
    FROM downtime_event;

-- Andon calls with who acknowledged them and when.
CREATE VIEW ms5_call AS
    SELECT id, line_id, machine_id, call_type, call_label, priority, raised_at, acknowledged_by, acknowledged_at,
           cleared_at, closed_at, level AS escalation_level
    FROM andon_call;

-- ms5_reader may read those views and nothing else. Creating a role needs CREATEROLE: where the
-- migrating user lacks it (a shared server whose IT creates roles), IT creates ms5_reader and grants
-- it as below (README); the migration goes on.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ms5_reader') THEN
        CREATE ROLE ms5_reader NOLOGIN;
    END IF;
    GRANT USAGE ON SCHEMA public TO ms5_reader;
    GRANT SELECT ON ms5_minute, ms5_shift, ms5_stop, ms5_call TO ms5_reader;
EXCEPTION WHEN insufficient_privilege THEN
    RAISE NOTICE 'ms5_reader not created or not granted (no CREATEROLE): see README, Reading MS5 from other systems';
END
$$;
