/**
 * SVG markup for the task rows of the timeline: summary brackets, task bars with their progress,
 * milestones, baselines, total slack, deadlines, labels and the handles used for editing.
 *
 * Everything is emitted as markup strings, one per chunk of rows (see gantt.js): one innerHTML
 * assignment is several times faster than building the same nodes one by one.
 */
import { parseDateTime } from './calendar.js';
import { escapeMarkup } from './markup.js';

/** Vertical layout of a row, in pixels from the row's top edge. */
export const ROW = {
  height: 28,
  barTop: 6,
  barHeight: 14,
  middle: 13,
  baselineTop: 21,
  baselineHeight: 4,
  milestoneRadius: 7,
};

const MIN_BAR_WIDTH = 3;

/** Where a record's bar is drawn, taking a pending edit into account. */
export function barGeometry(record, scale) {
  const start = record.pending?.start ?? record.start;
  const finish = record.pending?.finish ?? record.finish;
  if (record.task.milestone) {
    const center = scale.x(finish);
    return { x1: center - ROW.milestoneRadius, x2: center + ROW.milestoneRadius, center };
  }
  const x1 = scale.x(start);
  return { x1, x2: Math.max(x1 + MIN_BAR_WIDTH, scale.x(finish)) };
}

function summaryPath(x1, x2, top) {
  const tip = 5;
  const bottom = top + 10;
  return `M${x1} ${top}H${x2}V${bottom}L${x2 - tip} ${top + 6}H${x1 + tip}L${x1} ${bottom}Z`;
}

function diamondPath(center, middle, radius) {
  return `M${center} ${middle - radius}L${center + radius} ${middle}L${center} ${middle + radius}L${center - radius} ${middle}Z`;
}

function label(record, formats) {
  const task = record.task;
  if (record.error) return { text: record.error, className: 'gantt-label is-error' };
  if (task.milestone) return { text: formats.dayMonth(Math.floor(record.finish - 1e-9)), className: 'gantt-label' };
  if (task.summary) return null;
  return task.assignees?.length ? { text: task.assignees.join(', '), className: 'gantt-label' } : null;
}

/**
 * Row backgrounds for rows[from..to): separators, the selected row, and the fading highlight of
 * rows that updateTasks() just moved. They span the whole timeline width, so scrolling sideways
 * never needs to redraw them.
 */
export function rowBackgroundsMarkup(rows, from, to, width, state) {
  const parts = [];
  let separators = '';
  for (let row = from; row < to; row++) {
    const record = rows[row];
    const top = row * ROW.height;
    separators += `M0 ${top + ROW.height - 0.5}H${width}`;
    if (record === state.selected) {
      parts.push(`<rect class="gantt-row-selected" x="0" y="${top}" width="${width}" height="${ROW.height}"/>`);
    }
    const sinceChange = state.now - record.changedAt;
    if (sinceChange < state.highlightMs) {
      // A negative delay resumes the fade where it was when a redraw replaces the element.
      parts.push(`<rect class="gantt-row-changed" style="animation-delay:-${Math.round(sinceChange)}ms" x="0" y="${top}" width="${width}" height="${ROW.height}"/>`);
    }
  }
  return `<path class="gantt-row-line" d="${separators}"/>${parts.join('')}`;
}

/**
 * Bars, labels and edit handles for rows[from..to). `state` says whether baselines are shown and
 * which edits are enabled.
 */
export function barsMarkup(rows, from, to, scale, formats, state) {
  const parts = [];
  for (let row = from; row < to; row++) {
    const record = rows[row];
    if (record.start == null) continue;
    const task = record.task;
    const top = row * ROW.height;
    const middle = top + ROW.middle;
    const { x1, x2, center } = barGeometry(record, scale);

    if (state.showBaseline && record.baselineFinish != null && !task.summary) {
      if (task.milestone) {
        parts.push(`<path class="gantt-baseline" d="${diamondPath(scale.x(record.baselineFinish), top + ROW.baselineTop + 2, 4)}"/>`);
      } else if (record.baselineStart != null) {
        const bx = scale.x(record.baselineStart);
        const width = Math.max(MIN_BAR_WIDTH, scale.x(record.baselineFinish) - bx);
        parts.push(`<rect class="gantt-baseline" x="${bx}" y="${top + ROW.baselineTop}" width="${width}" height="${ROW.baselineHeight}"/>`);
      }
    }
    let labelX = x2 + 8;
    if (record.slackFinish != null && !task.summary) {
      const slackX = scale.x(record.slackFinish);
      if (slackX > x2) {
        const y = top + ROW.baselineTop + 1.5;
        parts.push(`<path class="gantt-slack" d="M${x2} ${y}H${slackX}M${slackX} ${y - 3}V${y + 3}"/>`);
      }
    }

    const classes = ['gantt-task'];
    if (task.summary) classes.push('is-summary');
    else if (task.milestone) classes.push('is-milestone');
    if (task.critical) classes.push('is-critical');
    if (record.pending) classes.push('is-pending');
    parts.push(`<g class="${classes.join(' ')}" data-row="${row}">`);
    if (task.summary) {
      parts.push(`<path class="gantt-summary" data-part="bar" d="${summaryPath(x1, x2, top + ROW.barTop)}"/>`);
    } else if (task.milestone) {
      parts.push(`<path class="gantt-milestone" data-part="bar" d="${diamondPath(center, middle, ROW.milestoneRadius)}"/>`);
    } else {
      const barTop = top + ROW.barTop;
      const percent = record.pending?.percent ?? task.percentComplete ?? 0;
      const progressWidth = ((x2 - x1) * Math.min(100, Math.max(0, percent))) / 100;
      parts.push(`<rect class="gantt-bar" data-part="bar" x="${x1}" y="${barTop}" width="${x2 - x1}" height="${ROW.barHeight}" rx="2"/>`);
      if (progressWidth > 0) {
        parts.push(`<rect class="gantt-bar-progress" data-part="bar" x="${x1}" y="${barTop}" width="${progressWidth}" height="${ROW.barHeight}" rx="2"/>`);
      }
      if (state.editable.resize) {
        parts.push(`<rect class="gantt-handle-resize" data-part="resize" x="${x2 - 4}" y="${barTop}" width="8" height="${ROW.barHeight}"/>`);
      }
      if (state.editable.progress) {
        const px = x1 + progressWidth;
        const py = barTop + ROW.barHeight;
        parts.push(`<path class="gantt-handle-progress" data-part="progress" d="M${px} ${py - 3}l5 7h-10z"/>`);
      }
    }
    if (state.editable.link) {
      parts.push(`<circle class="gantt-handle-link" data-part="link-start" cx="${x1 - 7}" cy="${middle}" r="4"/>`);
      parts.push(`<circle class="gantt-handle-link" data-part="link-finish" cx="${x2 + 7}" cy="${middle}" r="4"/>`);
      labelX += 8;
    }
    parts.push('</g>');

    if (record.deadline != null) {
      const dx = scale.x(record.deadline);
      const missed = record.finish > record.deadline ? ' is-missed' : '';
      parts.push(`<path class="gantt-deadline${missed}" d="M${dx - 4} ${top + 2}h8v5l-4 5l-4-5z"/>`);
    }
    const text = label(record, formats);
    if (text) {
      parts.push(`<text class="${text.className}" x="${labelX}" y="${middle}">${escapeMarkup(text.text)}</text>`);
    }
  }
  return parts.join('');
}

/**
 * Release flags: a small flag above each visible milestone that releases are linked to, its title listing the
 * releases and their deployments (the host's lines). Drawn with the forecast markers in their own layer.
 */
export function releasesMarkup(byId, rows, releases, scale) {
  const parts = [];
  for (const [id, release] of releases) {
    const record = byId.get(id);
    if (!record || record.row < 0 || rows[record.row] !== record || record.start == null) continue;
    const { center, x2 } = barGeometry(record, scale);
    const x = (center ?? x2) + ROW.milestoneRadius - 2;
    const top = record.row * ROW.height + ROW.middle - ROW.milestoneRadius - 6;
    parts.push(`<g class="gantt-release" data-task="${record.id}" data-deployments="${release.deployments}">`
      + `<title>${escapeMarkup(release.lines.join('\n'))}</title>`
      + `<path class="gantt-release-pole" d="M${x} ${top}v${ROW.milestoneRadius + 4}"/>`
      + `<path class="gantt-release-flag" d="M${x} ${top}h8l-2.5 2.5 2.5 2.5h-8z"/></g>`);
  }
  return parts.join('');
}

/**
 * The forecast the host gave a milestone (or a task sprints feed), when it is another day than the
 * scheduled finish: `{ date, day }`, `day` being the end of the forecast day on the axis (a bare date
 * means the end of that day, as for deadlines); null otherwise.
 */
export function forecastOf(record, forecasts) {
  const date = forecasts.get(record.id);
  if (!date || record.start == null || !record.task.finish) return null;
  if (record.task.finish.slice(0, 10) === date) return null;
  const point = parseDateTime(date);
  return point ? { date, day: point.day + 1 } : null;
}

/**
 * Forecast markers for every visible record with a forecast other than its finish: a hollow diamond
 * at the forecast and a dashed line to it from the bar, with a title naming the date. Milestones are
 * few, so the markers of all rows are drawn at once into a layer of their own: redrawing them never
 * touches the rows' bars and handles (a pointer resting on a handle keeps it).
 */
export function forecastsMarkup(byId, rows, forecasts, scale, formats) {
  const parts = [];
  for (const id of forecasts.keys()) {
    const record = byId.get(id);
    if (!record || record.row < 0 || rows[record.row] !== record) continue;
    const forecast = forecastOf(record, forecasts);
    if (!forecast) continue;
    const middle = record.row * ROW.height + ROW.middle;
    const x = scale.x(forecast.day);
    const { x1, x2, center } = barGeometry(record, scale);
    const from = center ?? (x > x2 ? x2 : x1);
    const late = forecast.date > record.task.finish.slice(0, 10);
    const title = `Forecast from linked sprints: ${formats.longDate(forecast.day - 1)}${late ? ', later than planned' : ', earlier than planned'}`;
    parts.push(`<g class="gantt-forecast${late ? ' is-late' : ''}" data-task="${record.id}" data-forecast="${forecast.date}">`
      + `<title>${escapeMarkup(title)}</title>`
      + `<path class="gantt-forecast-line" d="M${from} ${middle}H${x}"/>`
      + `<path class="gantt-forecast-marker" d="${diamondPath(x, middle, 5)}"/></g>`);
  }
  return parts.join('');
}
