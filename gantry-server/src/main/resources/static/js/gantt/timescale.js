/**
 * The time axis: zoom levels, the two-row header and the background grid.
 *
 * x = (axisDay - originDay) * pxPerDay, where axisDay comes from calendar.toAxis(). Only the part
 * of the axis that is on screen (plus a margin) is ever drawn, so a ten-year project at day zoom
 * costs no more than a one-month one.
 */
import { dateParts, firstOfMonth, isoWeekday } from './calendar.js';

/** Zoom levels: scale, header tiers and whether weekends and holidays are shaded. */
export const ZOOM_LEVELS = {
  day: { pxPerDay: 32, top: 'month', bottom: 'day', shadeNonWorking: true },
  week: { pxPerDay: 12, top: 'month', bottom: 'week', shadeNonWorking: true },
  month: { pxPerDay: 4, top: 'year', bottom: 'month', shadeNonWorking: false },
  quarter: { pxPerDay: 1.3, top: 'year', bottom: 'quarter', shadeNonWorking: false },
  year: { pxPerDay: 0.45, top: 'year', bottom: 'half', shadeNonWorking: false },
};

const MONTHS_PER_UNIT = { month: 1, quarter: 3, half: 6, year: 12 };

/** First day of the calendar unit (day, week, month, quarter, half, year) containing `day`. */
export function unitStart(unit, day) {
  const whole = Math.floor(day);
  if (unit === 'day') return whole;
  if (unit === 'week') return whole - (isoWeekday(whole) - 1);
  const { year, month } = dateParts(whole);
  const months = MONTHS_PER_UNIT[unit];
  return firstOfMonth(year, month - (month % months));
}

/** First day of the unit after the one starting on `start`. */
export function unitNext(unit, start) {
  if (unit === 'day') return start + 1;
  if (unit === 'week') return start + 7;
  const { year, month } = dateParts(start);
  return firstOfMonth(year, month + MONTHS_PER_UNIT[unit]);
}

/** Label candidates for a header cell, longest first; the first that fits the cell is drawn. */
function labelCandidates(unit, tier, start, formats) {
  const { year, month, dayOfMonth } = dateParts(start);
  switch (unit) {
    case 'day':
      return [`${formats.weekdayNarrow(start)} ${dayOfMonth}`, `${dayOfMonth}`];
    case 'week':
      return [formats.dayMonth(start), `${dayOfMonth}`];
    case 'month':
      return tier === 'top'
        ? [`${formats.monthLong(start)} ${year}`, `${formats.monthShort(start)} ${year}`, formats.monthShort(start)]
        : [formats.monthLong(start), formats.monthShort(start), formats.monthShort(start).slice(0, 1)];
    case 'quarter':
      return [`Q${Math.floor(month / 3) + 1}`];
    case 'half':
      return [`H${Math.floor(month / 6) + 1}`];
    default:
      return [`${year}`];
  }
}

// Rough width of 11.5 px system-ui text plus padding; measuring would force a layout per label.
const approximateTextWidth = (text) => text.length * 6.4 + 6;

/**
 * SVG markup for the two header rows over [xFrom, xTo). Coordinates are absolute axis pixels; the
 * caller places the markup in an <svg> whose viewBox starts at xFrom.
 */
export function headerMarkup(scale, xFrom, xTo, rowHeight, formats) {
  const parts = [];
  const tiers = [['top', scale.zoom.top, 0], ['bottom', scale.zoom.bottom, rowHeight]];
  for (const [tier, unit, y] of tiers) {
    parts.push(`<rect class="gantt-header-band" x="${xFrom}" y="${y}" width="${xTo - xFrom}" height="${rowHeight}"/>`);
    for (let start = unitStart(unit, scale.dayAt(xFrom)); scale.x(start) < xTo; start = unitNext(unit, start)) {
      const x = scale.x(start);
      const width = scale.x(unitNext(unit, start)) - x;
      parts.push(`<line class="gantt-header-line" x1="${x}" x2="${x}" y1="${y}" y2="${y + rowHeight}"/>`);
      const label = labelCandidates(unit, tier, start, formats).find((text) => approximateTextWidth(text) <= width);
      if (!label) continue;
      const anchor = tier === 'bottom' ? `x="${x + width / 2}" text-anchor="middle"` : `x="${x + 6}"`;
      const weekend = unit === 'day' && !scale.calendar.isWorkingDay(start) ? ' is-nonworking' : '';
      parts.push(`<text class="gantt-header-text${weekend}" ${anchor} y="${y + rowHeight / 2}">${label}</text>`);
    }
  }
  parts.push(`<line class="gantt-header-rule" x1="${xFrom}" x2="${xTo}" y1="${rowHeight}" y2="${rowHeight}"/>`);
  parts.push(`<line class="gantt-header-rule" x1="${xFrom}" x2="${xTo}" y1="${2 * rowHeight}" y2="${2 * rowHeight}"/>`);
  return parts.join('');
}

/**
 * The top header row's label for the cell at the left edge of the view, pinned to that edge so
 * the month or year stays readable however far into it the view is scrolled. It slides out to
 * the left as the next cell's own label arrives.
 */
export function pinnedLabelMarkup(scale, left, rowHeight, formats) {
  const unit = scale.zoom.top;
  const start = unitStart(unit, scale.dayAt(left));
  const cellX = scale.x(start);
  if (cellX >= left) return '';
  const nextX = scale.x(unitNext(unit, start));
  const label = labelCandidates(unit, 'top', start, formats).find((text) => approximateTextWidth(text) <= nextX - left) ?? '';
  if (!label) return '';
  const width = approximateTextWidth(label);
  const x = Math.min(left, nextX - width - 1);
  return `<rect class="gantt-header-band" x="${x}" y="0.5" width="${width}" height="${rowHeight - 1}"/>`
    + `<text class="gantt-header-text" x="${x + 6}" y="${rowHeight / 2}">${label}</text>`;
}

/**
 * Background of the timeline body over [xFrom, xTo) x [yFrom, yTo): non-working-day shading at day
 * and week zoom, and vertical lines at every header cell boundary.
 */
export function gridMarkup(scale, xFrom, xTo, yFrom, yTo) {
  const parts = [];
  const height = yTo - yFrom;
  if (scale.zoom.shadeNonWorking) {
    // Consecutive non-working days (a weekend, a holiday bridge) become one rectangle.
    let runStart = null;
    const last = Math.ceil(scale.dayAt(xTo));
    for (let day = Math.floor(scale.dayAt(xFrom)); day <= last; day++) {
      const working = scale.calendar.isWorkingDay(day);
      if (!working && runStart === null) runStart = day;
      if ((working || day === last) && runStart !== null) {
        const x = scale.x(runStart);
        parts.push(`<rect class="gantt-nonworking" x="${x}" y="${yFrom}" width="${scale.x(day) - x}" height="${height}"/>`);
        runStart = null;
      }
    }
  }
  for (const [unit, className] of [[scale.zoom.bottom, 'gantt-grid-minor'], [scale.zoom.top, 'gantt-grid-major']]) {
    for (let start = unitStart(unit, scale.dayAt(xFrom)); scale.x(start) < xTo; start = unitNext(unit, start)) {
      const x = scale.x(start);
      parts.push(`<line class="${className}" x1="${x}" x2="${x}" y1="${yFrom}" y2="${yTo}"/>`);
    }
  }
  return parts.join('');
}

/** Maps axis days to pixels for one zoom level. */
export function createScale(zoomName, originDay, calendar) {
  const zoom = ZOOM_LEVELS[zoomName];
  if (!zoom) throw new Error(`Unknown zoom level "${zoomName}"; use one of ${Object.keys(ZOOM_LEVELS).join(', ')}`);
  const { pxPerDay } = zoom;
  return {
    zoomName,
    zoom,
    pxPerDay,
    calendar,
    x: (axisDay) => Math.round((axisDay - originDay) * pxPerDay * 10) / 10,
    dayAt: (x) => originDay + x / pxPerDay,
  };
}
