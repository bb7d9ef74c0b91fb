-- Interview rounds of a case with their time slots, the applications invited to each round and the
-- bookings of slots.
--
-- Two applicants never hold one slot and an applicant holds at most one slot per round: both are
-- UNIQUE constraints on interview_bookings, so that bookings made in the same instant are decided
-- by the database. Invitations and bookings name an application and are deleted with it (ON DELETE
-- CASCADE), like every other row about an application.

-- cutoff_hours: how many hours before a slot's start the applicant can no longer book, rebook or
-- cancel it through the personal link (staff still can).
CREATE TABLE interview_rounds (
    id {{id}},
    institution_id BIGINT NOT NULL REFERENCES institutions(id),
    case_id BIGINT NOT NULL REFERENCES recruitment_cases(id),
    name TEXT NOT NULL,
    default_place TEXT NOT NULL DEFAULT '',
    cutoff_hours INTEGER NOT NULL DEFAULT 24,
    created_by BIGINT NOT NULL REFERENCES users(id),
    created_at BIGINT NOT NULL
);
CREATE INDEX interview_rounds_by_case ON interview_rounds (institution_id, case_id, id);

-- starts_at is an instant (Unix seconds); the forms take and show Copenhagen local time.
CREATE TABLE interview_slots (
    id {{id}},
    institution_id BIGINT NOT NULL REFERENCES institutions(id),
    round_id BIGINT NOT NULL REFERENCES interview_rounds(id) ON DELETE CASCADE,
    starts_at BIGINT NOT NULL,
    minutes INTEGER NOT NULL,
    place TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL
);
CREATE INDEX interview_slots_by_round ON interview_slots (institution_id, round_id, starts_at);

-- The committee members present at a slot.
CREATE TABLE interview_slot_members (
    slot_id BIGINT NOT NULL REFERENCES interview_slots(id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users(id),
    PRIMARY KEY (slot_id, user_id)
);

-- The applications invited to a round: these may book its slots through their personal link.
CREATE TABLE interview_invitations (
    round_id BIGINT NOT NULL REFERENCES interview_rounds(id) ON DELETE CASCADE,
    application_id BIGINT NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    institution_id BIGINT NOT NULL REFERENCES institutions(id),
    invited_by BIGINT NOT NULL REFERENCES users(id),
    invited_at BIGINT NOT NULL,
    PRIMARY KEY (round_id, application_id)
);
CREATE INDEX interview_invitations_by_application ON interview_invitations (application_id);

-- booked_by: applicant (through the personal link) | staff (a fixed slot given by HR).
CREATE TABLE interview_bookings (
    id {{id}},
    institution_id BIGINT NOT NULL REFERENCES institutions(id),
    round_id BIGINT NOT NULL REFERENCES interview_rounds(id) ON DELETE CASCADE,
    slot_id BIGINT NOT NULL REFERENCES interview_slots(id) ON DELETE CASCADE,
    application_id BIGINT NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    booked_by TEXT NOT NULL,
    booked_at BIGINT NOT NULL,
    CONSTRAINT interview_bookings_one_per_slot UNIQUE (slot_id),
    CONSTRAINT interview_bookings_one_per_round UNIQUE (round_id, application_id)
);
CREATE INDEX interview_bookings_by_application ON interview_bookings (application_id);
