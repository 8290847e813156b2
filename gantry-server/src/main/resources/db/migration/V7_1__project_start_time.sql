-- The time of day a project starts, when it is not the first working time of its start date: a plan imported
-- from Microsoft Project may start at 09:00 on an 08:00 calendar, and its tasks then start at 09:00. Null
-- means the calendar's first working time, as for every project created in Gantry.
alter table project add column start_time time;
