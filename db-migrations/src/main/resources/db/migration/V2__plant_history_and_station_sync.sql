-- The plant's history and what stations share (issue 6, shared/DESIGN.md "Station sync").
--
-- High-volume tables are partitioned by month. ms5_ensure_partitions() (below) creates the months
-- around today and is called by every station at start and once a day; a DEFAULT partition catches
-- rows outside them, so an old event replayed from a station's journal is never refused.
-- ms5_drop_partitions_before() implements the retention setting (db.retentionMonths).

-- Configuration documents, one row per version: tag maps, plant model, reason tree, fault-code
-- table, shift calendar, products, Andon rules. Never updated: a change is a new version.
CREATE TABLE config_version (
    kind        VARCHAR(32)  NOT NULL,   -- 'tagmap', 'plant', 'reasons', 'faults', 'shifts', 'products', 'andon-rules'
    version     INTEGER      NOT NULL CHECK (version > 0),
    document    JSONB        NOT NULL,
    author      VARCHAR(128) NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    summary     TEXT         NOT NULL,   -- the readable diff against the version before
    PRIMARY KEY (kind, version)
);
-- Query: the current version of a kind:
--   SELECT ... FROM config_version WHERE kind = ? ORDER BY version DESC LIMIT 1   (primary key, backwards)

-- Stations: every workstation registers and sends a heartbeat; the diagnostics view lists them.
CREATE TABLE station (
    station_id        VARCHAR(128) PRIMARY KEY,
    host              VARCHAR(255) NOT NULL,
    started_at        TIMESTAMPTZ  NOT NULL,
    heartbeat_at      TIMESTAMPTZ  NOT NULL,
    backend_pid       INTEGER,                 -- the session that holds its polling locks
    owned_connections TEXT[]       NOT NULL DEFAULT '{}',
    offline_events    INTEGER      NOT NULL DEFAULT 0
);

-- Machine state intervals, closed ones only (the open one lives in the owner's memory).
-- The id derives from machine and start, so a replay or a second station writes the same row.
CREATE TABLE state_interval (
    id          UUID         NOT NULL,
    machine_id  VARCHAR(64)  NOT NULL,
    state       VARCHAR(16)  NOT NULL,
    start_at    TIMESTAMPTZ  NOT NULL,
    end_at      TIMESTAMPTZ  NOT NULL CHECK (end_at >= start_at),
    fault_code  BIGINT       NOT NULL DEFAULT 0,
    reason      VARCHAR(128),
    PRIMARY KEY (id, start_at)
) PARTITION BY RANGE (start_at);
-- Query: a machine's timeline over a shift (line detail Gantt):
--   SELECT ... WHERE machine_id = ? AND start_at < :to AND end_at > :from ORDER BY start_at
CREATE INDEX state_interval_machine_start ON state_interval (machine_id, start_at);
-- Query: time per state of every machine over a shift (shift report; intervals last at most a day):
--   SELECT machine_id, state, sum(...) WHERE start_at > :from - 1 day AND start_at < :to AND end_at > :from GROUP BY ...
CREATE INDEX state_interval_start ON state_interval (start_at) INCLUDE (machine_id, state, end_at);

-- Parts per machine per minute. Each run of a station writes its own part of a minute (run_id),
-- so a restart inside a minute adds to it and a replay of the same run does not.
CREATE TABLE production_minute (
    machine_id    VARCHAR(64)      NOT NULL,
    minute_start  TIMESTAMPTZ      NOT NULL,
    run_id        UUID             NOT NULL,
    total_count   BIGINT           NOT NULL CHECK (total_count >= 0),
    good_count    BIGINT           NOT NULL CHECK (good_count >= 0 AND good_count <= total_count),
    ideal_seconds DOUBLE PRECISION NOT NULL DEFAULT 0,
    startup       BOOLEAN          NOT NULL DEFAULT false,
    recorded_at   TIMESTAMPTZ      NOT NULL DEFAULT now(),
    PRIMARY KEY (machine_id, minute_start, run_id)
) PARTITION BY RANGE (minute_start);
CREATE INDEX production_minute_start ON production_minute (minute_start)
    INCLUDE (machine_id, total_count, good_count, ideal_seconds);
-- Query: a machine's minutes over a shift (production against target):
--   SELECT ... WHERE machine_id = ? AND minute_start >= ? AND minute_start < ?   (primary key prefix)
-- Query: every machine's counts over a shift (shift report), an index-only scan:
--   SELECT machine_id, sum(total_count), ... WHERE minute_start >= ? AND minute_start < ? GROUP BY machine_id

-- Downtime events with the reason people gave. version is the optimistic lock of stations' edits.
CREATE TABLE downtime_event (
    id              UUID         PRIMARY KEY,
    machine_id      VARCHAR(64)  NOT NULL,
    line_id         VARCHAR(64)  NOT NULL,
    state           VARCHAR(16)  NOT NULL,
    start_at        TIMESTAMPTZ  NOT NULL,
    end_at          TIMESTAMPTZ  NOT NULL CHECK (end_at >= start_at),
    fault_code      BIGINT       NOT NULL DEFAULT 0,
    reason_id       VARCHAR(128) NOT NULL,
    mapping_version INTEGER      NOT NULL DEFAULT 0,
    comment         TEXT,
    version         BIGINT       NOT NULL DEFAULT 0,
    edited_by       VARCHAR(128),
    edited_at       TIMESTAMPTZ
);
-- Query: a line's stops over a window (Pareto, downtime list):
--   SELECT ... WHERE line_id = ? AND start_at < :to AND end_at > :from
CREATE INDEX downtime_event_line_start ON downtime_event (line_id, start_at);
-- Query: stops that still need a reason:  ... WHERE reason_id = 'unassigned' AND start_at > ?
CREATE INDEX downtime_event_unassigned ON downtime_event (start_at) WHERE reason_id = 'unassigned';

-- Every edit of a downtime event, oldest first ("who else edited it").
CREATE TABLE downtime_edit (
    event_id  UUID         NOT NULL REFERENCES downtime_event (id) ON DELETE CASCADE,
    at        TIMESTAMPTZ  NOT NULL,
    who       VARCHAR(128) NOT NULL,
    action    TEXT         NOT NULL,
    PRIMARY KEY (event_id, at, who)
);

-- Andon calls as they stand. version is the optimistic lock: every change by the owner and every
-- acknowledgement from any station raises it.
CREATE TABLE andon_call (
    id              UUID         PRIMARY KEY,
    call_type       VARCHAR(32)  NOT NULL,
    call_label      VARCHAR(64)  NOT NULL,
    priority        INTEGER      NOT NULL,
    line_id         VARCHAR(64)  NOT NULL,
    machine_id      VARCHAR(64)  NOT NULL,
    machines        TEXT[]       NOT NULL,
    root_cause      VARCHAR(128) NOT NULL,
    source          VARCHAR(16)  NOT NULL,
    raised_at       TIMESTAMPTZ  NOT NULL,
    alarm_state     VARCHAR(32)  NOT NULL,
    active          BOOLEAN      NOT NULL,
    level           INTEGER      NOT NULL,
    acknowledged_by VARCHAR(128),
    acknowledged_at TIMESTAMPTZ,
    cleared_at      TIMESTAMPTZ,
    closed_at       TIMESTAMPTZ,
    occurrences     INTEGER      NOT NULL,
    chattering      BOOLEAN      NOT NULL,
    shelved_by      VARCHAR(128),
    shelve_reason   TEXT,
    shelved_until   TIMESTAMPTZ,
    version         BIGINT       NOT NULL DEFAULT 0
);
-- Query: the open calls (the Andon board on every station):
--   SELECT ... FROM andon_call WHERE closed_at IS NULL
CREATE INDEX andon_call_open ON andon_call (priority, raised_at) WHERE closed_at IS NULL;
-- Query: a line's calls over a window (response-time report):  ... WHERE line_id = ? AND raised_at >= ?
CREATE INDEX andon_call_line_raised ON andon_call (line_id, raised_at);

-- What happened to each call (raised, escalated, acknowledged, ...): its state history.
CREATE TABLE andon_call_event (
    id       UUID         NOT NULL,
    call_id  UUID         NOT NULL,
    kind     VARCHAR(16)  NOT NULL,
    at       TIMESTAMPTZ  NOT NULL,
    detail   TEXT         NOT NULL,
    PRIMARY KEY (id, at)
) PARTITION BY RANGE (at);
-- Query: one call's history:  SELECT ... WHERE call_id = ? ORDER BY at
CREATE INDEX andon_call_event_call ON andon_call_event (call_id, at);

-- Alerts raised and cleared by the trend rules.
CREATE TABLE alert_event (
    id        UUID             PRIMARY KEY,
    rule_id   VARCHAR(64)      NOT NULL,
    subject   VARCHAR(64)      NOT NULL,
    raised    BOOLEAN          NOT NULL,   -- false: cleared
    at        TIMESTAMPTZ      NOT NULL,
    value     DOUBLE PRECISION NOT NULL,
    detail    TEXT             NOT NULL
);
-- Query: a machine's or line's recent alerts:  ... WHERE subject = ? AND at >= ?
CREATE INDEX alert_event_subject_at ON alert_event (subject, at);

-- OEE per machine per shift, written when a shift ends (the shift report reads it).
CREATE TABLE oee_shift (
    machine_id        VARCHAR(64)      NOT NULL,
    shift_start       TIMESTAMPTZ      NOT NULL,
    shift_end         TIMESTAMPTZ      NOT NULL,
    shift_key         VARCHAR(64)      NOT NULL,
    profile           VARCHAR(32)      NOT NULL,
    planned_seconds   DOUBLE PRECISION NOT NULL,
    run_seconds       DOUBLE PRECISION NOT NULL,
    total_count       BIGINT           NOT NULL,
    good_count        BIGINT           NOT NULL,
    availability      DOUBLE PRECISION NOT NULL,
    performance       DOUBLE PRECISION NOT NULL,
    quality           DOUBLE PRECISION NOT NULL,
    oee               DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (machine_id, shift_start, profile)
);
-- Query: the shift report:  ... WHERE shift_start >= ? AND shift_start < ?
CREATE INDEX oee_shift_start ON oee_shift (shift_start);

-- Who did what, append only: updates and deletes are refused (old months go by retention only).
CREATE TABLE audit_log (
    id          BIGINT GENERATED ALWAYS AS IDENTITY,
    at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    station_id  VARCHAR(128) NOT NULL,
    who         VARCHAR(128) NOT NULL,
    action      VARCHAR(64)  NOT NULL,
    subject     VARCHAR(128) NOT NULL,
    detail      TEXT         NOT NULL,
    PRIMARY KEY (id, at)
) PARTITION BY RANGE (at);
-- Query: the history of one subject (a call, a downtime event, a config kind):
--   SELECT ... WHERE subject = ? ORDER BY at
CREATE INDEX audit_log_subject_at ON audit_log (subject, at);

CREATE FUNCTION ms5_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- ms5_ensure_partitions moves rows out of the DEFAULT partition, and only it sets this.
    IF current_setting('ms5.partition_maintenance', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'audit_log is append-only: rows are never changed or deleted';
END $$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION ms5_refuse_change();

-- A compact live snapshot per line, written by the station that polls it, read by the others.
CREATE TABLE line_snapshot (
    line_id     VARCHAR(64)  PRIMARY KEY,
    station_id  VARCHAR(128) NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL,
    status      JSONB        NOT NULL
);

-- The foundation's per-minute counts move into production_minute, as one run of their own.
CREATE TABLE production_minute_default PARTITION OF production_minute DEFAULT;
INSERT INTO production_minute (machine_id, minute_start, run_id, total_count, good_count, recorded_at)
    SELECT machine_id, minute_start, '00000000-0000-0000-0000-000000000000', total_count, good_count, recorded_at
    FROM production_count_minute;
DROP TABLE production_count_minute;

CREATE TABLE state_interval_default PARTITION OF state_interval DEFAULT;
CREATE TABLE andon_call_event_default PARTITION OF andon_call_event DEFAULT;
CREATE TABLE audit_log_default PARTITION OF audit_log DEFAULT;

-- Creates the monthly partitions of every partitioned table from months_back before this month
-- to months_ahead after it. Rows already in DEFAULT for such a month are moved into it.
CREATE FUNCTION ms5_ensure_partitions(months_back INTEGER, months_ahead INTEGER) RETURNS INTEGER
LANGUAGE plpgsql AS $$
DECLARE
    parent  TEXT;
    key     TEXT;
    first   DATE;
    lo      TIMESTAMPTZ;
    hi      TIMESTAMPTZ;
    part    TEXT;
    created INTEGER := 0;
BEGIN
    PERFORM set_config('ms5.partition_maintenance', 'on', true);
    first := (date_trunc('month', now() AT TIME ZONE 'UTC') - make_interval(months => months_back))::DATE;
    FOR parent, key IN SELECT * FROM (VALUES ('state_interval', 'start_at'), ('production_minute', 'minute_start'),
                                             ('andon_call_event', 'at'), ('audit_log', 'at')) AS t LOOP
        FOR i IN 0 .. months_back + months_ahead LOOP
            lo := (first + make_interval(months => i))::TIMESTAMP AT TIME ZONE 'UTC';
            hi := (first + make_interval(months => i + 1))::TIMESTAMP AT TIME ZONE 'UTC';
            part := parent || '_' || to_char(lo AT TIME ZONE 'UTC', 'YYYY_MM');
            CONTINUE WHEN to_regclass(part) IS NOT NULL;
            -- Rows of this month in DEFAULT would block the new partition: move them over.
            EXECUTE format('CREATE TEMP TABLE ms5_moving AS SELECT * FROM %I WHERE %I >= %L AND %I < %L',
                           parent || '_default', key, lo, key, hi);
            EXECUTE format('DELETE FROM %I WHERE %I >= %L AND %I < %L', parent || '_default', key, lo, key, hi);
            EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)', part, parent, lo, hi);
            EXECUTE format('INSERT INTO %I OVERRIDING SYSTEM VALUE SELECT * FROM ms5_moving', parent);
            DROP TABLE ms5_moving;
            created := created + 1;
        END LOOP;
    END LOOP;
    PERFORM set_config('ms5.partition_maintenance', 'off', true);
    RETURN created;
END $$;

-- Retention: drops the monthly partitions that end on or before cutoff. Returns how many.
CREATE FUNCTION ms5_drop_partitions_before(cutoff TIMESTAMPTZ) RETURNS INTEGER
LANGUAGE plpgsql AS $$
DECLARE
    part    RECORD;
    dropped INTEGER := 0;
BEGIN
    FOR part IN
        SELECT c.relname, p.relname AS parent
        FROM pg_inherits i
        JOIN pg_class c ON c.oid = i.inhrelid
        JOIN pg_class p ON p.oid = i.inhparent
        WHERE p.relname IN ('state_interval', 'production_minute', 'andon_call_event', 'audit_log')
          AND c.relname ~ '_\d{4}_\d{2}$'
    LOOP
        IF to_date(right(part.relname, 7), 'YYYY_MM') + INTERVAL '1 month' <= cutoff AT TIME ZONE 'UTC' THEN
            EXECUTE format('DROP TABLE %I', part.relname);
            dropped := dropped + 1;
        END IF;
    END LOOP;
    RETURN dropped;
END $$;
