/**
 * The chart's working model of the data contract: one record per task (in outline order) with its
 * positions on the time axis, the outline tree, the rows left visible by collapsed summaries, and
 * the links attached to each task.
 */
import { parseDateTime } from './calendar.js';

/**
 * Axis positions of a task, recomputed whenever the task changes. A task without both dates (not
 * scheduled yet) keeps its row in the table but has no bar: record.start is then null.
 */
export function placeTask(record, calendar) {
  const task = record.task;
  const start = parseDateTime(task.start);
  const finish = parseDateTime(task.finish);
  const scheduled = Boolean(start && finish);
  record.startPoint = scheduled ? start : null;
  record.finishPoint = scheduled ? finish : null;
  record.start = scheduled ? calendar.toAxis(start) : null;
  record.finish = scheduled ? Math.max(record.start, calendar.toAxis(finish)) : null;
  record.baselineStart = calendar.toAxis(parseDateTime(task.baselineStart));
  record.baselineFinish = calendar.toAxis(parseDateTime(task.baselineFinish));
  // A deadline given as a bare date means the end of that day.
  const deadline = parseDateTime(task.deadline);
  record.deadline = deadline && task.deadline.length <= 10 ? deadline.day + 1 : calendar.toAxis(deadline);
  // Total slack is drawn as a line after the bar, reaching the last working day it allows.
  const slackDays = Math.floor((task.totalSlackMinutes ?? 0) / calendar.minutesPerDay);
  record.slackFinish = scheduled && slackDays > 0 ? calendar.addWorkingDays(finish.day, slackDays) + 1 : null;
}

/** Builds task records and the outline tree. Tasks must come in outline order (parents first). */
export function buildRecords(tasks, calendar) {
  const records = new Array(tasks.length);
  const byId = new Map();
  tasks.forEach((task, index) => {
    const parent = task.parentId == null ? null : byId.get(task.parentId) ?? null;
    const record = {
      task,
      id: task.id,
      index,
      parent,
      level: task.level ?? (parent ? parent.level + 1 : 1),
      hasChildren: false,
      row: -1,
      outgoing: [],
      incoming: [],
      pending: null, // dates or percent shown while the host answers an edit
      error: null, // the host's answer when it refused an edit
      changedAt: -Infinity, // when updateTasks last moved it, to highlight it briefly
    };
    if (parent) parent.hasChildren = true;
    placeTask(record, calendar);
    records[index] = record;
    byId.set(task.id, record);
  });
  return { records, byId };
}

const LINK_TYPES = new Set(['FINISH_START', 'START_START', 'FINISH_FINISH', 'START_FINISH']);

/** Attaches links to their tasks; links to unknown tasks or of unknown types are ignored. */
export function attachLinks(links, byId, records) {
  for (const record of records) {
    record.outgoing = [];
    record.incoming = [];
  }
  for (const link of links) {
    const predecessor = byId.get(link.predecessorId);
    const successor = byId.get(link.successorId);
    if (!predecessor || !successor || !LINK_TYPES.has(link.type)) continue;
    const entry = { link, predecessor, successor };
    predecessor.outgoing.push(entry);
    successor.incoming.push(entry);
  }
}

/**
 * The rows on screen: every record whose ancestors are all expanded. Sets record.row to its row
 * number, or -1 when a collapsed summary hides it.
 */
export function visibleRows(records, collapsedIds) {
  const rows = [];
  let hiddenBelowLevel = Infinity;
  for (const record of records) {
    if (record.level > hiddenBelowLevel) {
      record.row = -1;
      continue;
    }
    hiddenBelowLevel = Infinity;
    record.row = rows.length;
    rows.push(record);
    if (record.hasChildren && collapsedIds.has(record.id)) hiddenBelowLevel = record.level;
  }
  return rows;
}

/**
 * Earliest start and latest finish (including slack and baseline) over all scheduled records;
 * null when no task has dates.
 */
export function axisExtent(records) {
  let first = Infinity;
  let last = -Infinity;
  for (const record of records) {
    if (record.start == null) continue;
    first = Math.min(first, record.start, record.baselineStart ?? Infinity);
    last = Math.max(last, record.finish, record.slackFinish ?? -Infinity, record.baselineFinish ?? -Infinity);
  }
  return first === Infinity ? null : { first, last };
}
