/**
 * The task table left of the timeline: column definitions and row markup.
 *
 * A column is named by key ('wbs', 'name', ...) or given as { key, title, width } to override the
 * defaults. Rows are role="row" inside the role="treegrid" root, with aria-level and aria-expanded
 * so that screen readers announce the outline; the name cell also says "milestone", "summary" and
 * "critical", which the bars show by shape and colour.
 */
import { escapeMarkup } from './markup.js';

const days = (minutes, context) => minutes / context.calendar.minutesPerDay;

function formatDays(value, context) {
  return `${context.formats.number(value)} d`;
}

function signedDays(value, context) {
  if (value == null) return '';
  return value > 0 ? `+${formatDays(value, context)}` : formatDays(value, context);
}

/** Working days from a baseline date to the current one; positive means later than planned. */
function variance(baselinePoint, currentPoint, context) {
  if (!baselinePoint || !currentPoint) return null;
  return context.calendar.workingDaysBetween(baselinePoint.day, currentPoint.day);
}

function dateCell(point, context) {
  return point ? context.formats.shortDate(point.day) : '';
}

export const COLUMN_TYPES = {
  wbs: { title: 'WBS', width: 76, value: (r) => escapeMarkup(r.task.wbs) },
  name: { title: 'Task name', width: 280, value: null /* drawn by nameCell */ },
  duration: { title: 'Duration', width: 72, align: 'end', value: (r, c) => formatDays(days(r.task.durationMinutes ?? 0, c), c) },
  start: { title: 'Start', width: 96, value: (r, c) => dateCell(r.startPoint, c) },
  finish: { title: 'Finish', width: 96, value: (r, c) => dateCell(r.finishPoint, c) },
  totalSlack: { title: 'Total slack', width: 80, align: 'end', value: (r, c) => formatDays(days(r.task.totalSlackMinutes ?? 0, c), c) },
  freeSlack: { title: 'Free slack', width: 80, align: 'end', value: (r, c) => formatDays(days(r.task.freeSlackMinutes ?? 0, c), c) },
  percent: { title: '% complete', width: 84, align: 'end', value: (r) => `${Math.round(r.task.percentComplete ?? 0)} %` },
  assignees: { title: 'Assigned to', width: 140, value: (r) => escapeMarkup((r.task.assignees ?? []).join(', ')) },
  baselineStart: { title: 'Baseline start', width: 104, value: (r, c) => dateCell(r.task.baselineStart ? c.parse(r.task.baselineStart) : null, c) },
  baselineFinish: { title: 'Baseline finish', width: 104, value: (r, c) => dateCell(r.task.baselineFinish ? c.parse(r.task.baselineFinish) : null, c) },
  startVariance: {
    title: 'Start var.', width: 80, align: 'end',
    value: (r, c) => signedDays(variance(r.task.baselineStart && c.parse(r.task.baselineStart), r.startPoint, c), c),
    late: (r, c) => variance(r.task.baselineStart && c.parse(r.task.baselineStart), r.startPoint, c) > 0,
  },
  finishVariance: {
    title: 'Finish var.', width: 80, align: 'end',
    value: (r, c) => signedDays(variance(r.task.baselineFinish && c.parse(r.task.baselineFinish), r.finishPoint, c), c),
    late: (r, c) => variance(r.task.baselineFinish && c.parse(r.task.baselineFinish), r.finishPoint, c) > 0,
  },
  durationVariance: {
    title: 'Duration var.', width: 92, align: 'end',
    value: (r, c) => (r.task.baselineDurationMinutes == null ? ''
      : signedDays(days(r.task.durationMinutes - r.task.baselineDurationMinutes, c), c)),
  },
};

export const DEFAULT_COLUMNS = ['wbs', 'name', 'duration', 'start', 'finish', 'percent', 'assignees'];

/** Resolves the host's column list into definitions with key, title, width and cell function. */
export function resolveColumns(columns = DEFAULT_COLUMNS) {
  return columns.map((column) => {
    const key = typeof column === 'string' ? column : column.key;
    const type = COLUMN_TYPES[key];
    if (!type) throw new Error(`Unknown Gantt column "${key}"; use one of ${Object.keys(COLUMN_TYPES).join(', ')}`);
    return { key, ...type, ...(typeof column === 'string' ? {} : column) };
  });
}

/** CSS grid track list shared by the header row and every body row. */
export function gridTemplate(columns) {
  return columns.map((column) => `${column.width}px`).join(' ');
}

export function headerMarkup(columns) {
  return columns
    .map((column) => `<div class="gantt-cell gantt-column-${column.key}${column.align === 'end' ? ' is-end' : ''}" role="columnheader">${escapeMarkup(column.title)}</div>`)
    .join('');
}

function nameCell(record, context) {
  const task = record.task;
  const indent = (record.level - 1) * 16;
  const toggle = record.hasChildren
    ? `<span class="gantt-toggle" data-toggle aria-hidden="true"></span>`
    : '<span class="gantt-toggle-space"></span>';
  const icon = task.milestone ? '<span class="gantt-milestone-icon" aria-hidden="true"></span>' : '';
  const error = record.error ? `<span class="gantt-row-error" title="${escapeMarkup(record.error)}">${escapeMarkup(record.error)}</span>` : '';
  const states = [task.milestone && 'milestone', task.summary && 'summary', task.critical && 'critical',
    task.overallocated && `over-allocated: ${task.overallocated.join(', ')}`].filter(Boolean);
  const spoken = states.length ? `<span class="gantt-sr">, ${escapeMarkup(states.join(', '))}</span>` : '';
  const over = task.overallocated
    ? `<span class="gantt-over" aria-hidden="true" title="${escapeMarkup(`Over-allocated: ${task.overallocated.join(', ')}`)}">▲</span>`
    : '';
  // The forecast marker is drawn in the timeline, which screen readers do not see: say it in the row.
  const forecast = context.forecastOf?.(record);
  const spokenForecast = forecast
    ? `<span class="gantt-sr gantt-forecast-text">, forecast from linked sprints: ${escapeMarkup(context.formats.longDate(forecast.day - 1))}, ${forecast.date > task.finish.slice(0, 10) ? 'later' : 'earlier'} than planned</span>`
    : '';
  const releases = context.releasesOf?.(record);
  const spokenReleases = releases
    ? `<span class="gantt-sr gantt-release-text">, ${escapeMarkup(releases.lines.join('; '))}</span>`
    : '';
  return `<div class="gantt-cell gantt-column-name" role="gridcell" style="padding-left:${indent + 4}px">${toggle}${icon}<span class="gantt-name" title="${escapeMarkup(task.name)}">${escapeMarkup(task.name)}</span>${over}${spoken}${spokenForecast}${spokenReleases}${error}</div>`;
}

/** Markup for the table rows rows[from..to); row elements are absolutely positioned by the caller's block. */
export function rowsMarkup(rows, from, to, columns, context) {
  const parts = [];
  for (let row = from; row < to; row++) {
    const record = rows[row];
    const classes = ['gantt-row'];
    if (record.task.summary) classes.push('is-summary');
    if (record.task.critical) classes.push('is-critical');
    if (record === context.selected) classes.push('is-selected');
    if (record.error) classes.push('has-error');
    const expanded = record.hasChildren ? ` aria-expanded="${!context.collapsedIds.has(record.id)}"` : '';
    parts.push(`<div class="${classes.join(' ')}" role="row" id="${context.idPrefix}${record.index}" data-row="${row}" aria-level="${record.level}" aria-rowindex="${row + 2}"${expanded} aria-selected="${record === context.selected}">`);
    for (const column of columns) {
      if (column.key === 'name') {
        parts.push(nameCell(record, context));
        continue;
      }
      const late = column.late?.(record, context) ? ' is-late' : '';
      parts.push(`<div class="gantt-cell gantt-column-${column.key}${column.align === 'end' ? ' is-end' : ''}${late}" role="gridcell">${column.value(record, context)}</div>`);
    }
    parts.push('</div>');
  }
  return parts.join('');
}
