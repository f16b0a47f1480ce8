-- Parts made per machine per minute: one row per machine and calendar minute (UTC),
-- written by the station that polls the machine.
CREATE TABLE production_count_minute (
    machine_id   VARCHAR(64)  NOT NULL,
    minute_start TIMESTAMPTZ  NOT NULL,
    total_count  BIGINT       NOT NULL CHECK (total_count >= 0),
    good_count   BIGINT       NOT NULL CHECK (good_count >= 0 AND good_count <= total_count),
    recorded_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (machine_id, minute_start)
);

-- Query: the latest minutes of a machine (line detail, production against target):
--   SELECT ... WHERE machine_id = ? AND minute_start >= ? ORDER BY minute_start
-- served by the primary key (machine_id, minute_start).
