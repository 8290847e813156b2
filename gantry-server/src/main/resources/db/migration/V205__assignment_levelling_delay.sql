-- Levelling that adjusts individual assignments (Microsoft Project's "Leveling can adjust individual
-- assignments on a task") holds back only the over-allocated resource's work on a task: that assignment
-- starts this many working minutes of the resource's calendar after the task starts, while the task's
-- other resources start with it. Project stores it per assignment beside the task's levelling delay;
-- clearing levelling sets it back to zero.
alter table assignment add column levelling_delay_minutes bigint not null default 0
    check (levelling_delay_minutes >= 0);
