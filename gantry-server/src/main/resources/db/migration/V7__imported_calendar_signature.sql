-- An imported project follows its stored calendar (project.calendar_key) while the simple calendar of the
-- project row (working days, hours, holidays), which the import fills with the closest simple view, is
-- as the import left it. This is that simple calendar as text when the plan was imported; once the
-- person edits the project's calendar in Gantry the two differ, and the scheduler follows their calendar.
alter table project add column imported_calendar_signature text;
