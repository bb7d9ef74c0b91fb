-- The availability report's figures of months whose raw samples were pruned: the probe writes a row a
-- minute (about 525,000 a year), so the samples of a month are kept for the 13 months after it and then
-- replaced by the month's figures, measured once from them (services/status/service_notices.cpp). A
-- month's figures cannot change once it is over: a service window cannot be announced in the past.
-- month_key is year * 100 + month. The first sample ever is never pruned: it tells when the
-- installation went into service.
CREATE TABLE availability_months (
    month_key INTEGER PRIMARY KEY,
    service_minutes INTEGER NOT NULL,
    window_minutes INTEGER NOT NULL,
    not_measured INTEGER NOT NULL,
    up_minutes INTEGER NOT NULL,
    down_minutes INTEGER NOT NULL,
    kept_at BIGINT NOT NULL
);
