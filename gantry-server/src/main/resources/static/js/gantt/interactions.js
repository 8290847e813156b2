/**
 * Mouse, pen, touch and keyboard editing of the chart.
 *
 * Dragging a bar moves the task, dragging its right edge changes its finish, dragging the small
 * triangle under it changes percent complete, and dragging from the circle at either end to
 * another task creates a link; dragging anywhere else pans the timeline. While dragging, a ghost
 * shows the new position and a tooltip the new dates; on release the host's callback decides (see
 * chart.commitEdit). Dates snap to whole working days and keep their time of day, so a task that
 * started at 08:00 still starts at 08:00.
 */
import { formatDateTime } from './calendar.js';
import { ROW } from './bars.js';

const DRAG_THRESHOLD_PX = 3;
const AUTO_SCROLL_EDGE_PX = 32;
const AUTO_SCROLL_MAX_PX_PER_FRAME = 16;
const DOUBLE_CLICK_MS = 500;

const LINK_TYPE_NAMES = {
  FINISH_START: 'Finish-to-start',
  START_START: 'Start-to-start',
  FINISH_FINISH: 'Finish-to-finish',
  START_FINISH: 'Start-to-finish',
};

function gestureKind(part, record, editable) {
  const task = record.task;
  if (part === 'bar' && editable.move && !task.summary) return 'move';
  if (part === 'resize' && editable.resize) return 'resize';
  if (part === 'progress' && editable.progress) return 'progress';
  if ((part === 'link-start' || part === 'link-finish') && editable.link) return 'link';
  return null;
}

/** The move that snapping a horizontal drag of `dx` pixels produces, in whole working days. */
function movePreview(chart, record, dx) {
  const { calendar, scale } = chart;
  const { startPoint, finishPoint } = record;
  const startDay = calendar.nearestWorkingDay(startPoint.day + Math.round(dx / scale.pxPerDay), 1);
  const shift = calendar.workingDaysBetween(startPoint.day, startDay);
  const finishDay = calendar.addWorkingDays(finishPoint.day, shift);
  return {
    startDay,
    finishDay,
    pending: {
      start: calendar.toAxis({ day: startDay, minutes: startPoint.minutes }),
      finish: calendar.toAxis({ day: finishDay, minutes: finishPoint.minutes }),
    },
  };
}

function resizePreview(chart, record, dx) {
  const { calendar, scale } = chart;
  const { startPoint, finishPoint } = record;
  const wanted = Math.max(startPoint.day, finishPoint.day + Math.round(dx / scale.pxPerDay));
  const finishDay = Math.max(startPoint.day, calendar.nearestWorkingDay(wanted, -1));
  return {
    finishDay,
    workingDays: calendar.workingDaysBetween(startPoint.day, finishDay + 1),
    pending: { finish: calendar.toAxis({ day: finishDay, minutes: finishPoint.minutes }) },
  };
}

function progressPreview(chart, record, x) {
  const { x1, x2 } = chart.barGeometry(record);
  const percent = Math.round(Math.min(100, Math.max(0, ((x - x1) / Math.max(1, x2 - x1)) * 100)));
  return { percent, pending: { percent } };
}

/** The task under the pointer that a link could be dropped on, and which end of it. */
function linkTarget(chart, source, point) {
  const record = chart.rows[Math.floor(point.y / ROW.height)];
  if (!record || record === source || record.start == null) return null;
  const { x1, x2 } = chart.barGeometry(record);
  if (point.x < x1 - 12 || point.x > x2 + 14) return null;
  // Dropping at or past the end of the bar links to its finish; anywhere else, to its start.
  return { record, side: point.x >= x2 - 2 ? 'FINISH' : 'START' };
}

function ghostMarkup(chart, record, pending) {
  const top = record.row * ROW.height;
  const ghost = { ...record, pending: { ...pending } };
  const { x1, x2, center } = chart.barGeometry(ghost);
  if (record.task.milestone) {
    const middle = top + ROW.middle;
    const r = ROW.milestoneRadius + 1;
    return `<path class="gantt-ghost" d="M${center} ${middle - r}L${center + r} ${middle}L${center} ${middle + r}L${center - r} ${middle}Z"/>`;
  }
  return `<rect class="gantt-ghost" x="${x1}" y="${top + ROW.barTop - 1}" width="${x2 - x1}" height="${ROW.barHeight + 2}" rx="3"/>`;
}

export function attachInteractions(chart) {
  const { elements, callbacks } = chart;
  const { root, timeBody, overlay, tableRows } = elements;
  let gesture = null;
  let lastTap = null; // the last click on a bar, to recognise double-clicks

  const recordAtRow = (row) => chart.rows[row] ?? null;

  function preview(event) {
    const point = chart.contentPoint(event);
    const dx = point.x - gesture.startX;
    const { record, kind } = gesture;
    const { longDate } = chart.formats;
    if (kind === 'move') {
      gesture.result = movePreview(chart, record, dx);
      overlay.innerHTML = ghostMarkup(chart, record, gesture.result.pending);
      const text = record.task.milestone
        ? `${longDate(gesture.result.finishDay)}`
        : `Start ${longDate(gesture.result.startDay)}  ·  Finish ${longDate(gesture.result.finishDay)}`;
      chart.showTooltip(text, event.clientX, event.clientY);
    } else if (kind === 'resize') {
      gesture.result = resizePreview(chart, record, dx);
      overlay.innerHTML = ghostMarkup(chart, record, gesture.result.pending);
      chart.showTooltip(`Finish ${longDate(gesture.result.finishDay)}  ·  ${gesture.result.workingDays} working days`, event.clientX, event.clientY);
    } else if (kind === 'progress') {
      gesture.result = progressPreview(chart, record, point.x);
      const { x1, x2 } = chart.barGeometry(record);
      const top = record.row * ROW.height + ROW.barTop;
      const width = ((x2 - x1) * gesture.result.percent) / 100;
      overlay.innerHTML = `<rect class="gantt-ghost" x="${x1}" y="${top}" width="${width}" height="${ROW.barHeight}" rx="2"/>`;
      chart.showTooltip(`${gesture.result.percent} % complete`, event.clientX, event.clientY);
    } else if (kind === 'link') {
      const target = linkTarget(chart, record, point);
      gesture.result = target;
      const { x1, x2 } = chart.barGeometry(record);
      const fromX = gesture.side === 'FINISH' ? x2 + 7 : x1 - 7;
      const fromY = record.row * ROW.height + ROW.middle;
      let markup = `<line class="gantt-link-rubber" x1="${fromX}" y1="${fromY}" x2="${point.x}" y2="${point.y}"/>`;
      if (target) {
        const box = chart.barGeometry(target.record);
        const top = target.record.row * ROW.height + ROW.barTop - 3;
        markup += `<rect class="gantt-link-target" x="${box.x1 - 3}" y="${top}" width="${box.x2 - box.x1 + 6}" height="${ROW.barHeight + 6}" rx="3"/>`;
        const type = `${gesture.side}_${target.side}`;
        chart.showTooltip(`${LINK_TYPE_NAMES[type]}: ${record.task.name} → ${target.record.task.name}`, event.clientX, event.clientY);
      } else {
        chart.showTooltip('Drop on a task to link it', event.clientX, event.clientY);
      }
      overlay.innerHTML = markup;
    }
  }

  // While an edit drag is near an edge of the timeline, scroll towards it every frame, so a bar
  // can be moved or a link drawn to a date or task that is not on screen.
  let autoScroll = null;

  function edgeSpeed(position, low, high) {
    const speed = (distance) => Math.ceil(((AUTO_SCROLL_EDGE_PX - distance) / AUTO_SCROLL_EDGE_PX) * AUTO_SCROLL_MAX_PX_PER_FRAME);
    if (position < low + AUTO_SCROLL_EDGE_PX) return -speed(Math.max(0, position - low));
    if (position > high - AUTO_SCROLL_EDGE_PX) return speed(Math.max(0, high - position));
    return 0;
  }

  function updateAutoScroll(event) {
    const head = elements.timeHbar.getBoundingClientRect();
    const view = elements.scroller.getBoundingClientRect();
    const dx = edgeSpeed(event.clientX, head.left, head.right);
    const dy = edgeSpeed(event.clientY, view.top, view.bottom);
    if (!dx && !dy) {
      stopAutoScroll();
      return;
    }
    const step = () => {
      elements.timeHbar.scrollLeft += autoScroll.dx;
      elements.scroller.scrollTop += autoScroll.dy;
      if (gesture) preview(autoScroll.event);
      autoScroll.frame = requestAnimationFrame(step);
    };
    if (!autoScroll) autoScroll = { frame: requestAnimationFrame(step) };
    Object.assign(autoScroll, { dx, dy, event });
  }

  function stopAutoScroll() {
    if (autoScroll) cancelAnimationFrame(autoScroll.frame);
    autoScroll = null;
  }

  function commit(finished) {
    const { record, kind, result } = finished;
    if (!result) return;
    const id = record.id;
    if (kind === 'move') {
      if (result.startDay === record.startPoint.day) return;
      const newStart = formatDateTime(result.startDay, record.startPoint.minutes);
      chart.commitEdit(record, result.pending, () => callbacks.onMoveTask(id, newStart));
    } else if (kind === 'resize') {
      if (result.finishDay === record.finishPoint.day) return;
      const newFinish = formatDateTime(result.finishDay, record.finishPoint.minutes);
      chart.commitEdit(record, result.pending, () => callbacks.onResizeTask(id, newFinish));
    } else if (kind === 'progress') {
      if (result.percent === Math.round(record.task.percentComplete ?? 0)) return;
      chart.commitEdit(record, result.pending, () => callbacks.onProgressChange(id, result.percent));
    } else if (kind === 'link') {
      const type = `${finished.side}_${result.side}`;
      const successorId = result.record.id;
      // The host may answer with the stored link (with its id); the chart then draws it at once.
      chart.commitEdit(record, null, async () => {
        const link = await callbacks.onCreateLink(id, successorId, type);
        if (link && link.predecessorId != null) chart.addLink(link);
      });
    }
  }

  timeBody.addEventListener('pointerdown', (event) => {
    if (event.button !== 0 || gesture) return;
    const point = chart.contentPoint(event);
    const row = Math.floor(point.y / ROW.height);
    const record = recordAtRow(row);
    if (!record) return;
    const onBar = event.target.closest('[data-row]');
    const part = onBar && Number(onBar.dataset.row) === row ? event.target.closest('[data-part]')?.dataset.part : null;
    gesture = {
      record,
      part,
      kind: part ? gestureKind(part, record, chart.editable) : 'pan',
      scrollLeft: chart.scrollLeft,
      scrollTop: elements.scroller.scrollTop,
      side: part === 'link-start' ? 'START' : 'FINISH',
      startX: point.x,
      startClientX: event.clientX,
      startClientY: event.clientY,
      dragging: false,
      result: null,
      pointerId: event.pointerId,
    };
    timeBody.setPointerCapture(event.pointerId);
    root.focus({ preventScroll: true });
    event.preventDefault();
  });

  /** What the tooltip says about a task when the pointer rests on its bar. */
  function describe(record) {
    const { task } = record;
    const { longDate, number } = chart.formats;
    const days = (minutes) => `${number((minutes ?? 0) / chart.calendar.minutesPerDay)} d`;
    const dates = task.milestone
      ? longDate(record.finishPoint.day)
      : `${longDate(record.startPoint.day)} – ${longDate(record.finishPoint.day)}  ·  ${days(task.durationMinutes)}`;
    const facts = [`${Math.round(task.percentComplete ?? 0)} % complete`, `total slack ${days(task.totalSlackMinutes)}`];
    if (task.critical) facts.push('critical');
    if (record.deadline != null) facts.push(`deadline ${longDate(Math.ceil(record.deadline) - 1)}`);
    const forecast = chart.forecastOf(record);
    const forecastLine = forecast ? `\nForecast from linked sprints: ${longDate(forecast.day - 1)}` : '';
    const releases = chart.releasesOf(record);
    const releaseLines = releases ? `\n${releases.lines.join('\n')}` : '';
    return `${task.name}\n${dates}\n${facts.join('  ·  ')}${forecastLine}${releaseLines}`;
  }

  function hover(event) {
    const point = chart.contentPoint(event);
    const record = recordAtRow(Math.floor(point.y / ROW.height));
    if (record && record.start != null) {
      const { x1, x2 } = chart.barGeometry(record);
      const forecast = chart.forecastOf(record);
      const forecastX = forecast ? chart.scale.x(forecast.day) : null;
      if ((point.x >= x1 - 4 && point.x <= x2 + 4) || (forecastX != null && Math.abs(point.x - forecastX) <= 6)) {
        chart.showTooltip(describe(record), event.clientX, event.clientY);
        return;
      }
    }
    chart.hideTooltip();
  }

  timeBody.addEventListener('pointerleave', () => {
    if (!gesture) chart.hideTooltip();
  });

  timeBody.addEventListener('pointermove', (event) => {
    if (!gesture && event.pointerType === 'mouse') hover(event);
    if (!gesture || event.pointerId !== gesture.pointerId || !gesture.kind) return;
    if (!gesture.dragging) {
      const distance = Math.hypot(event.clientX - gesture.startClientX, event.clientY - gesture.startClientY);
      if (distance < DRAG_THRESHOLD_PX) return;
      gesture.dragging = true;
      root.classList.add('is-dragging');
      root.classList.toggle('is-linking', gesture.kind === 'link');
    }
    if (gesture.kind === 'pan') {
      elements.timeHbar.scrollLeft = gesture.scrollLeft - (event.clientX - gesture.startClientX);
      elements.scroller.scrollTop = gesture.scrollTop - (event.clientY - gesture.startClientY);
      return;
    }
    preview(event);
    updateAutoScroll(event);
  });

  function endGesture(event, cancelled) {
    if (!gesture || event.pointerId !== gesture.pointerId) return;
    const finished = gesture;
    stopAutoScroll();
    overlay.innerHTML = '';
    chart.hideTooltip();
    root.classList.remove('is-dragging', 'is-linking');
    gesture = null;
    if (finished.dragging) {
      if (!cancelled && finished.kind !== 'pan') commit(finished);
      return;
    }
    // Double-clicks are recognised here rather than from dblclick events: the first click selects
    // the row, which redraws it, and the browser does not pair clicks on replaced elements.
    const now = event.timeStamp;
    const doubleClick = finished.part && lastTap?.record === finished.record && now - lastTap.time < DOUBLE_CLICK_MS;
    lastTap = finished.part && !doubleClick ? { record: finished.record, time: now } : null;
    chart.select(finished.record, { scroll: false });
    if (doubleClick) chart.open(finished.record);
  }
  timeBody.addEventListener('pointerup', (event) => endGesture(event, false));
  timeBody.addEventListener('pointercancel', (event) => endGesture(event, true));



  // ---- table ----------------------------------------------------------------------------------

  tableRows.addEventListener('click', (event) => {
    const rowElement = event.target.closest('[data-row]');
    const record = rowElement && recordAtRow(Number(rowElement.dataset.row));
    if (!record) return;
    const onToggle = event.target.closest('[data-toggle]');
    if (onToggle) chart.setCollapsed(record, !chart.collapsedIds.has(record.id));
    else if (event.detail === 2) chart.open(record);
    chart.select(record, { scroll: false });
    root.focus({ preventScroll: true });
  });

  // ---- keyboard: the treegrid pattern, one row at a time --------------------------------------

  root.addEventListener('keydown', (event) => {
    if (event.target !== root || event.altKey || event.metaKey) return;
    const { rows, selected } = chart;
    if (!rows.length) return;
    const pageRows = Math.max(1, Math.floor(chart.viewport.height / ROW.height) - 1);
    const firstOnScreen = () => rows[Math.min(rows.length - 1, Math.ceil(elements.scroller.scrollTop / ROW.height))];
    const current = selected && selected.row >= 0 ? selected : null;
    const moveTo = (row) => chart.select(rows[Math.max(0, Math.min(rows.length - 1, row))]);
    switch (event.key) {
      case 'ArrowDown':
        if (current) moveTo(current.row + 1);
        else chart.select(firstOnScreen());
        break;
      case 'ArrowUp':
        if (current) moveTo(current.row - 1);
        else chart.select(firstOnScreen());
        break;
      case 'PageDown':
        moveTo((current?.row ?? 0) + pageRows);
        break;
      case 'PageUp':
        moveTo((current?.row ?? 0) - pageRows);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(rows.length - 1);
        break;
      case 'ArrowLeft':
        if (!current) return;
        if (current.hasChildren && !chart.collapsedIds.has(current.id)) chart.setCollapsed(current, true);
        else if (current.parent) chart.select(current.parent);
        break;
      case 'ArrowRight':
        if (!current?.hasChildren) return;
        if (chart.collapsedIds.has(current.id)) chart.setCollapsed(current, false);
        else moveTo(current.row + 1);
        break;
      case 'Enter':
        if (!current) return;
        chart.open(current);
        break;
      default:
        return;
    }
    event.preventDefault();
  });
}
