-- Scheduled backups (services/operations/backup.*): one row per time slot, inserted with
-- ON CONFLICT DO NOTHING by the node that makes that slot's backup, so that of several nodes exactly
-- one makes it. The row names the node (host name and process) and says when it claimed the slot.
CREATE TABLE backup_runs (
    slot BIGINT PRIMARY KEY,
    node TEXT NOT NULL,
    claimed_at BIGINT NOT NULL
);
