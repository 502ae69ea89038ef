-- Measures get a kind (number, percentage, done / not done), a start, a numeric target and a
-- direction; their "current value" and status become check-ins: an append-only history.
--
-- Existing measures, without losing anything:
-- - a target that is a plain decimal number ("1,200", "-3", "12.5") becomes a number
--   measure from 0 to that target, unit kept (a negative target: "down is good");
-- - any other target (a milestone such as "Launch v2", or none) becomes done / not done,
--   and target text is kept at the end of the description: "… (target: Launch v2)";
-- - a current value or a status other than "not started" becomes the first check-in, by
--   the V2MOM's last editor at its last save. Its value: the current value when it is a
--   number; else the target when the status was "done", else the start (done / not done:
--   1 when "done", else 0). Its status: at risk and off track stay, others are "on track".
--   The comment keeps the old status and current value word for word.

ALTER TABLE v2mom_measures ADD COLUMN kind TEXT NOT NULL DEFAULT 'number'
    CHECK (kind IN ('number', 'percent', 'done'));
ALTER TABLE v2mom_measures ADD COLUMN start_value REAL;
ALTER TABLE v2mom_measures ADD COLUMN target_value REAL;
ALTER TABLE v2mom_measures ADD COLUMN direction TEXT NOT NULL DEFAULT 'up'
    CHECK (direction IN ('up', 'down'));

CREATE TABLE measure_check_ins (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    measure_id INTEGER NOT NULL REFERENCES v2mom_measures (id) ON DELETE CASCADE,
    value REAL NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('on_track', 'at_risk', 'off_track')),
    comment TEXT NOT NULL DEFAULT '',
    created_by INTEGER NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL
);
CREATE INDEX measure_check_ins_measure ON measure_check_ins (measure_id, id);

-- A plain decimal number, commas allowed: sign, digits, at most one point, one digit at least.
-- (SQLite has no regular expressions; PostgreSQL's migration says the same with one.)
UPDATE v2mom_measures
SET start_value = 0,
    target_value = CAST(trim(replace(target, ',', '')) AS REAL),
    direction = CASE WHEN CAST(trim(replace(target, ',', '')) AS REAL) < 0 THEN 'down' ELSE 'up' END
WHERE ltrim(trim(replace(target, ',', '')), '+-') NOT GLOB '*[^0-9.]*'
  AND ltrim(trim(replace(target, ',', '')), '+-') GLOB '*[0-9]*'
  AND length(trim(replace(target, ',', ''))) - length(ltrim(trim(replace(target, ',', '')), '+-')) <= 1
  AND length(target) - length(replace(target, '.', '')) <= 1;

UPDATE v2mom_measures
SET kind = 'done',
    description = CASE WHEN trim(target) = '' THEN description
        ELSE description || ' (target: ' || trim(target) || ')' END
WHERE target_value IS NULL;

INSERT INTO measure_check_ins (measure_id, value, status, comment, created_by, created_at)
SELECT s.id,
    CASE
        WHEN s.kind = 'done' THEN CASE WHEN s.status = 'done' THEN 1 ELSE 0 END
        WHEN ltrim(trim(replace(s.current_value, ',', '')), '+-') NOT GLOB '*[^0-9.]*'
            AND ltrim(trim(replace(s.current_value, ',', '')), '+-') GLOB '*[0-9]*'
            AND length(trim(replace(s.current_value, ',', '')))
                - length(ltrim(trim(replace(s.current_value, ',', '')), '+-')) <= 1
            AND length(s.current_value) - length(replace(s.current_value, '.', '')) <= 1
            THEN CAST(trim(replace(s.current_value, ',', '')) AS REAL)
        WHEN s.status = 'done' THEN s.target_value
        ELSE s.start_value
    END,
    CASE WHEN s.status IN ('at_risk', 'off_track') THEN s.status ELSE 'on_track' END,
    'Carried over from before check-ins: status "'
        || CASE s.status
            WHEN 'not_started' THEN 'Not started' WHEN 'on_track' THEN 'On track'
            WHEN 'at_risk' THEN 'At risk' WHEN 'off_track' THEN 'Off track' ELSE 'Done' END
        || '"'
        || CASE WHEN trim(s.current_value) = '' THEN ''
            ELSE ', current value "' || trim(s.current_value) || '"' END
        || '.',
    v.updated_by,
    v.updated_at
FROM v2mom_measures s
JOIN v2mom_methods m ON m.id = s.method_id
JOIN v2moms v ON v.id = m.v2mom_id
WHERE trim(s.current_value) <> '' OR s.status <> 'not_started'
ORDER BY s.id;

ALTER TABLE v2mom_measures DROP COLUMN target;
ALTER TABLE v2mom_measures DROP COLUMN current_value;
ALTER TABLE v2mom_measures DROP COLUMN status;
