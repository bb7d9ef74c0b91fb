-- The transfer of ads to Jobnet, and the structured workplace address Jobnet needs.
--
-- One row per case that has been published. `desired` is what the ad should be at Jobnet (published,
-- closed, deleted) and `content_version` counts the changes of the ad; the sender compares them with
-- what Jobnet has confirmed (`remote_step`, `sent_version`) and makes the calls that are missing, so a
-- retry, a crash or a second server instance never repeats a step Jobnet already confirmed. A row is
-- written in the same transaction as the case's transition (publish, cancel, the deadline), so a case
-- is never published without its transfer queued. `next_attempt_at` is NULL when nothing is to be done;
-- `claimed_until` lets several instances share the work, as the outbox does.
ALTER TABLE recruitment_cases ADD COLUMN work_postcode TEXT NOT NULL DEFAULT '';
ALTER TABLE recruitment_cases ADD COLUMN work_city TEXT NOT NULL DEFAULT '';

CREATE TABLE jobnet_jobs (
    case_id BIGINT PRIMARY KEY REFERENCES recruitment_cases(id),
    institution_id BIGINT NOT NULL REFERENCES institutions(id),
    -- Our own id of the ad at Jobnet: GetJob finds an ad that arrived though its answer was lost.
    reference TEXT NOT NULL UNIQUE,
    desired TEXT NOT NULL CHECK (desired IN ('published', 'closed', 'deleted')),
    content_version INTEGER NOT NULL DEFAULT 1,
    jobnet_id TEXT NOT NULL DEFAULT '',
    remote_step TEXT NOT NULL DEFAULT 'none' CHECK (remote_step IN ('none', 'added', 'published', 'closed', 'deleted')),
    sent_version INTEGER NOT NULL DEFAULT 0,
    -- Jobnet's own words: Processed, Publication, NotApproved, PublicationEnd, Closed, Deleted.
    jobnet_status TEXT NOT NULL DEFAULT '',
    jobnet_reason TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL DEFAULT 'da',
    last_operation TEXT NOT NULL DEFAULT '',
    last_error TEXT NOT NULL DEFAULT '',
    -- The error is a refusal of the ad as written: retrying waits for a correction.
    refused INTEGER NOT NULL DEFAULT 0,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT,
    claimed_until BIGINT NOT NULL DEFAULT 0,
    queued_at BIGINT NOT NULL,
    sent_at BIGINT,
    updated_at BIGINT NOT NULL
);
CREATE INDEX jobnet_jobs_due ON jobnet_jobs (next_attempt_at);
CREATE INDEX jobnet_jobs_by_institution ON jobnet_jobs (institution_id, case_id);
