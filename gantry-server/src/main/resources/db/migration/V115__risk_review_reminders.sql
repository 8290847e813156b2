-- Risk review reminders (issue 16): when a risk's next review date comes (in the project's time zone), its
-- owner is told once, in the app and by e-mail as they prefer. risk_review_reminder records the review
-- date a risk's owner was last reminded of: claiming a reminder is an upsert that only succeeds when that
-- date differs, so two instances (or a job run twice) never remind twice, and setting a new review date
-- makes the next reminder due. A table of its own, not a column of risk: the reminder must not bump the
-- risk's version (an edit open in someone's form would get a 409) nor fire the exposure trigger.
create table risk_review_reminder (
    risk_id     bigint      primary key references risk (id) on delete cascade,
    review_date date        not null,
    reminded_at timestamptz not null default now()
);

-- The new kind of notification, and of preference.
alter table notification drop constraint notification_reason_check;
alter table notification add constraint notification_reason_check
    check (reason in ('MENTIONED', 'ASSIGNED', 'WATCHING', 'DATE_MOVED', 'CRITICAL_PATH', 'DEADLINE_MISSED',
                      'RISK_REVIEW'));
alter table notification_preference drop constraint notification_preference_kind_check;
alter table notification_preference add constraint notification_preference_kind_check
    check (kind in ('MENTIONED', 'ASSIGNED', 'WATCHING', 'DATE_MOVED', 'CRITICAL_PATH', 'DEADLINE_MISSED',
                    'RISK_REVIEW'));
