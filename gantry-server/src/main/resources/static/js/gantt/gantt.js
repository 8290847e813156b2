/**
 * Gantt chart: a task table beside a timeline of bars and dependency arrows, virtualised so that a
 * project of 10,000 tasks and 15,000 links opens and scrolls as quickly as one of a hundred.
 *
 * Usage:
 *
 *   import { createGantt } from '/js/gantt/gantt.js';
 *   const gantt = createGantt(element, {
 *     data,                       // { project, tasks, links }, see README.md "Data contract"
 *     columns: ['wbs', 'name', 'duration', 'start', 'finish'],   // keys of COLUMN_TYPES
 *     zoom: 'week',               // 'day' | 'week' | 'month' | 'quarter' | 'year'
 *     showBaseline: false,
 *     label: 'Schedule of Apollo', // accessible name of the chart
 *     locale: 'en-GB',            // date formats; defaults to <html lang>
 *     onMoveTask(id, newStart) {},             // each edit callback may return a Promise: the
 *     onResizeTask(id, newFinish) {},          // chart shows the edit as pending until it settles,
 *     onProgressChange(id, percent) {},        // and snaps back with the rejection's message
 *     onCreateLink(predecessorId, successorId, type) {}, // shown on the row if it rejects
 *     onOpenTask(id) {},
 *     onSelect(id) {},
 *   });
 *
 * Returns { setData, updateTasks, setLinks, setZoom, setColumns, showBaseline, collapse, expand,
 * expandAll, collapseAll, select, scrollToTask, scrollToDate, exportPng, destroy }.
 *
 * The chart never changes the schedule itself: edits go to the host through the callbacks, the
 * host asks the server to reschedule, and applies the tasks that moved with updateTasks().
 *
 * Rendering: the table and the timeline share one vertical scroller, so the browser scrolls both
 * together on its compositor thread. Rows are drawn in chunks of CHUNK_ROWS; only the chunks on
 * screen, plus OVERSCAN_ROWS above and below, are in the DOM (table rows, bars and links alike).
 * Scrolling adds the chunk coming into view and drops the one that left, so a frame never redraws
 * more than a few dozen rows. The timeline SVG is as tall as all rows, which lets the browser
 * repaint only what changed; sideways it covers the visible time range plus half a screen either
 * side, and only that range of grid lines, shading and header cells is drawn.
 */
import { createCalendar, createFormats, parseDateTime } from './calendar.js';
import { createScale, gridMarkup, headerMarkup as timeHeaderMarkup, pinnedLabelMarkup, unitStart, ZOOM_LEVELS } from './timescale.js';
import { attachLinks, axisExtent, buildRecords, placeTask, visibleRows } from './outline.js';
import { barGeometry, barsMarkup, forecastOf, forecastsMarkup, releasesMarkup, ROW, rowBackgroundsMarkup } from './bars.js';
import { linkMarkerDefinitions, linksMarkup } from './links.js';
import { gridTemplate, headerMarkup as tableHeaderMarkup, resolveColumns, rowsMarkup as tableRowsMarkup } from './table.js';
import { attachInteractions } from './interactions.js';
import { exportPng } from './export.js';

const HEADER_ROW_HEIGHT = 24;
const CHUNK_ROWS = 8;
const OVERSCAN_ROWS = 12;
const HIGHLIGHT_MS = 1600;
const ERROR_VISIBLE_MS = 8000;
const DAYS_BEFORE_FIRST_TASK = 14;
const DAYS_AFTER_LAST_TASK = 60;

let instanceCount = 0;

export { ZOOM_LEVELS };

export function createGantt(container, options = {}) {
  const instance = ++instanceCount;
  const idPrefix = `gantt${instance}-row-`;
  const markerPrefix = `gantt${instance}-`;
  const callbacks = options;

  const root = document.createElement('div');
  root.className = 'gantt';
  root.setAttribute('role', 'treegrid');
  root.setAttribute('aria-label', options.label ?? 'Project schedule');
  root.setAttribute('aria-multiselectable', 'false');
  root.tabIndex = 0;
  root.innerHTML = `
    <div class="gantt-table-head" role="rowgroup"><div class="gantt-table-head-row" role="row" aria-rowindex="1"></div></div>
    <div class="gantt-time-head" aria-hidden="true"><svg class="gantt-header-svg" xmlns="http://www.w3.org/2000/svg"></svg></div>
    <div class="gantt-scroller" role="rowgroup" tabindex="0" aria-label="Tasks (scroll with the arrow keys)">
      <div class="gantt-canvas" role="presentation">
        <div class="gantt-table-body" role="presentation"><div class="gantt-table-rows" role="presentation"></div></div>
        <div class="gantt-time-body" aria-hidden="true">
          <svg class="gantt-body-svg" xmlns="http://www.w3.org/2000/svg">${linkMarkerDefinitions(markerPrefix)}<g class="gantt-grid-layer"></g><g></g><g></g><g></g><g class="gantt-forecast-layer"></g></svg>
          <svg class="gantt-overlay" xmlns="http://www.w3.org/2000/svg"></svg>
        </div>
      </div>
    </div>
    <div class="gantt-table-hbar" aria-hidden="true"><div></div></div>
    <div class="gantt-time-hbar" aria-hidden="true"><div></div></div>
    <div class="gantt-splitter" aria-hidden="true" title="Drag to resize the table"></div>
    <div class="gantt-tooltip" aria-hidden="true" hidden></div>`;
  const liveRegion = document.createElement('div');
  liveRegion.className = 'gantt-live';
  liveRegion.setAttribute('aria-live', 'polite');
  container.append(root, liveRegion);

  const find = (selector) => root.querySelector(selector);
  const elements = {
    root,
    tableHeadRow: find('.gantt-table-head-row'),
    headerSvg: find('.gantt-header-svg'),
    scroller: find('.gantt-scroller'),
    canvas: find('.gantt-canvas'),
    tableRows: find('.gantt-table-rows'),
    timeBody: find('.gantt-time-body'),
    bodySvg: find('.gantt-body-svg'),
    gridLayer: find('.gantt-grid-layer'),
    overlay: find('.gantt-overlay'),
    tableHbar: find('.gantt-table-hbar'),
    timeHbar: find('.gantt-time-hbar'),
    splitter: find('.gantt-splitter'),
    tooltip: find('.gantt-tooltip'),
  };
  // Row chunks are drawn into three SVG layers, so that every link lies above every row
  // background and below every bar, whichever chunk each belongs to.
  const [backgroundLayer, linksLayer, barsLayer, forecastLayer] = [...elements.gridLayer.parentNode.children].slice(2);
  root.style.setProperty('--gantt-header-row', `${HEADER_ROW_HEIGHT}px`);
  root.style.setProperty('--gantt-row', `${ROW.height}px`);

  // Everything the renderers and the interactions share. `rows` are the visible records.
  const chart = {
    elements,
    callbacks,
    project: null,
    calendar: null,
    formats: createFormats(options.locale ?? (document.documentElement.lang || undefined)),
    scale: null,
    zoomName: options.zoom ?? 'week',
    columns: resolveColumns(options.columns),
    showBaseline: Boolean(options.showBaseline),
    records: [],
    byId: new Map(),
    links: [],
    rows: [],
    collapsedIds: new Set(),
    selected: null,
    contentWidth: 0,
    originDay: 0,
    today: null,
    statusDate: null,
    tableWidth: options.tableWidth ?? 520,
    scrollLeft: 0,
    pinnedLabelLeft: null, // scrollLeft the pinned header label was drawn for
    tableScrollLeft: 0,
    viewport: { width: 0, height: 0 },
    opened: false, // whether data has been shown once
    drawn: { xFrom: 0, xTo: 0 },
    chunks: new Map(), // chunk number -> its elements in the table and the three SVG layers
    dirtyChunks: new Set(),
    timers: new Set(),
    forecasts: new Map(), // task id -> forecast date (yyyy-mm-dd) the host gave with setForecasts
    forecastsDrawn: { scale: null, rows: null },
    releases: new Map(), // milestone task id -> { lines, deployments } the host gave with setReleases
  };

  const editable = {
    move: typeof callbacks.onMoveTask === 'function',
    resize: typeof callbacks.onResizeTask === 'function',
    progress: typeof callbacks.onProgressChange === 'function',
    link: typeof callbacks.onCreateLink === 'function',
  };
  chart.editable = editable;

  function later(action, ms) {
    const timer = setTimeout(() => {
      chart.timers.delete(timer);
      action();
    }, ms);
    chart.timers.add(timer);
  }

  // ---- geometry -------------------------------------------------------------------------------

  function applyScale() {
    chart.scale = createScale(chart.zoomName, chart.originDay, chart.calendar);
    const extent = axisExtent(chart.records);
    const projectFinish = chart.calendar.toAxis(parseDateTime(chart.project.finish));
    const lastDay = Math.max(extent?.last ?? -Infinity, projectFinish ?? -Infinity, chart.originDay) + DAYS_AFTER_LAST_TASK;
    // A short project at a coarse zoom still fills the view with grid and header.
    chart.contentWidth = Math.max(Math.ceil(chart.scale.x(lastDay)), chart.viewport.width);
    elements.timeHbar.firstElementChild.style.width = `${chart.contentWidth}px`;
  }

  function applyColumns() {
    root.style.setProperty('--gantt-columns', gridTemplate(chart.columns));
    const columnsWidth = chart.columns.reduce((sum, column) => sum + column.width, 0);
    root.style.setProperty('--gantt-columns-width', `${columnsWidth}px`);
    elements.tableHbar.firstElementChild.style.width = `${columnsWidth}px`;
    elements.tableHeadRow.innerHTML = tableHeaderMarkup(chart.columns);
  }

  function applyTableWidth() {
    root.style.setProperty('--gantt-table-width', `${chart.tableWidth}px`);
  }

  function measureViewport() {
    chart.viewport.width = elements.timeBody.clientWidth;
    chart.viewport.height = elements.scroller.clientHeight;
    root.style.setProperty('--gantt-scrollbar', `${elements.scroller.offsetWidth - elements.scroller.clientWidth}px`);
  }

  function rebuildRows() {
    chart.rows = visibleRows(chart.records, chart.collapsedIds);
    elements.canvas.style.height = `${chart.rows.length * ROW.height}px`;
    root.setAttribute('aria-rowcount', String(chart.rows.length + 1));
    if (chart.selected && chart.selected.row < 0) {
      let ancestor = chart.selected.parent;
      while (ancestor && ancestor.row < 0) ancestor = ancestor.parent;
      chart.selected = ancestor;
    }
  }

  // ---- rendering ------------------------------------------------------------------------------

  /** Both header rows over [xFrom, xTo), with the top label pinned at `left` (see exportPng). */
  function headerMarkup(xFrom, xTo, left = xFrom) {
    return timeHeaderMarkup(chart.scale, xFrom, xTo, HEADER_ROW_HEIGHT, chart.formats)
      + pinnedLabelMarkup(chart.scale, left, HEADER_ROW_HEIGHT, chart.formats);
  }

  function gridLayerMarkup(xFrom, xTo, yFrom, yTo) {
    const { scale } = chart;
    const dateLines = [['gantt-status-date', chart.statusDate], ['gantt-today', chart.today]]
      .filter(([, day]) => day != null)
      .map(([className, day]) => `<line class="${className}" x1="${scale.x(day)}" x2="${scale.x(day)}" y1="${yFrom}" y2="${yTo}"/>`)
      .join('');
    return gridMarkup(scale, xFrom, xTo, yFrom, yTo) + dateLines;
  }

  function rowState() {
    return {
      selected: chart.selected,
      showBaseline: chart.showBaseline,
      editable,
      now: performance.now(),
      highlightMs: HIGHLIGHT_MS,
    };
  }

  function tableContext() {
    return {
      calendar: chart.calendar,
      formats: chart.formats,
      parse: parseDateTime,
      selected: chart.selected,
      collapsedIds: chart.collapsedIds,
      idPrefix,
      forecastOf: chart.forecastOf,
      releasesOf: chart.releasesOf,
    };
  }

  /** The whole timeline body for one range, as one SVG fragment: used by exportPng. */
  function bodyMarkup(xFrom, xTo, rowFrom, rowTo, prefix) {
    const state = rowState();
    return linkMarkerDefinitions(prefix)
      + gridLayerMarkup(xFrom, xTo, rowFrom * ROW.height, rowTo * ROW.height)
      + rowBackgroundsMarkup(chart.rows, rowFrom, rowTo, chart.contentWidth, state)
      + linksMarkup(chart.rows, rowFrom, rowTo, chart.scale, prefix)
      + barsMarkup(chart.rows, rowFrom, rowTo, chart.scale, chart.formats, state)
      + forecastsMarkup(chart.byId, chart.rows, chart.forecasts, chart.scale, chart.formats)
      + releasesMarkup(chart.byId, chart.rows, chart.releases, chart.scale);
  }

  /** The forecast markers' own layer, drawn again only when they, the rows or the scale change. */
  function drawForecasts() {
    chart.forecastsDrawn = { scale: chart.scale, rows: chart.rows };
    forecastLayer.innerHTML = chart.scale
      ? forecastsMarkup(chart.byId, chart.rows, chart.forecasts, chart.scale, chart.formats)
        + releasesMarkup(chart.byId, chart.rows, chart.releases, chart.scale) : '';
  }

  function drawChunk(number, chunk, state, context) {
    const from = number * CHUNK_ROWS;
    const to = Math.min(chart.rows.length, from + CHUNK_ROWS);
    chunk.background.innerHTML = rowBackgroundsMarkup(chart.rows, from, to, chart.contentWidth, state);
    chunk.links.innerHTML = linksMarkup(chart.rows, from, to, chart.scale, markerPrefix);
    chunk.bars.innerHTML = barsMarkup(chart.rows, from, to, chart.scale, chart.formats, state);
    chunk.table.innerHTML = tableRowsMarkup(chart.rows, from, to, chart.columns, context);
  }

  function addChunk(number, state, context) {
    const svgGroup = () => document.createElementNS('http://www.w3.org/2000/svg', 'g');
    const chunk = { background: svgGroup(), links: svgGroup(), bars: svgGroup(), table: document.createElement('div') };
    chunk.table.className = 'gantt-table-chunk';
    chunk.table.style.top = `${number * CHUNK_ROWS * ROW.height}px`;
    drawChunk(number, chunk, state, context);
    backgroundLayer.append(chunk.background);
    linksLayer.append(chunk.links);
    barsLayer.append(chunk.bars);
    elements.tableRows.append(chunk.table);
    chart.chunks.set(number, chunk);
  }

  function removeChunk(number) {
    const chunk = chart.chunks.get(number);
    for (const element of [chunk.background, chunk.links, chunk.bars, chunk.table]) element.remove();
    chart.chunks.delete(number);
  }

  function placeLayers() {
    const shift = `translateX(${chart.drawn.xFrom - chart.scrollLeft}px)`;
    if (elements.bodySvg.style.transform === shift) return;
    elements.bodySvg.style.transform = shift;
    elements.overlay.style.transform = shift;
    elements.headerSvg.style.transform = shift;
  }

  function placeTable() {
    const offset = `translateX(${-chart.tableScrollLeft}px)`;
    elements.tableRows.style.transform = offset;
    elements.tableHeadRow.style.transform = offset;
  }

  /**
   * Brings the DOM in line with the scroll position: draws the row chunks that came into view,
   * drops those that left, redraws chunks marked dirty, and redraws the grid and header when the
   * visible time range left the drawn one. `force` redraws everything (data, zoom, collapse...).
   */
  function render(force = false) {
    if (!chart.scale) return;
    const { drawn, viewport, chunks, dirtyChunks } = chart;
    if (force) {
      for (const number of [...chunks.keys()]) removeChunk(number);
      dirtyChunks.clear();
    }

    const scrollTop = elements.scroller.scrollTop;
    const firstRow = Math.max(0, Math.floor(scrollTop / ROW.height) - OVERSCAN_ROWS);
    const lastRow = Math.min(chart.rows.length, Math.ceil((scrollTop + viewport.height) / ROW.height) + OVERSCAN_ROWS);
    const firstChunk = Math.floor(firstRow / CHUNK_ROWS);
    const lastChunk = Math.ceil(lastRow / CHUNK_ROWS) - 1;
    // Keep one chunk beyond the needed range, so scrolling back and forth over a chunk boundary
    // does not draw and drop the same rows every frame.
    for (const number of [...chunks.keys()]) {
      if (number < firstChunk - 1 || number > lastChunk + 1) removeChunk(number);
    }
    let state = null;
    let context = null;
    for (let number = firstChunk; number <= lastChunk; number++) {
      if (chunks.has(number) && !dirtyChunks.has(number)) continue;
      state ??= rowState();
      context ??= tableContext();
      if (chunks.has(number)) drawChunk(number, chunks.get(number), state, context);
      else addChunk(number, state, context);
    }
    dirtyChunks.clear();
    if (force || chart.forecastsDrawn.scale !== chart.scale || chart.forecastsDrawn.rows !== chart.rows) drawForecasts();

    const timeOutside = force || chart.scrollLeft < drawn.xFrom || chart.scrollLeft + viewport.width > drawn.xTo;
    if (timeOutside) {
      const margin = Math.ceil(viewport.width / 2);
      drawn.xFrom = Math.max(0, Math.floor(chart.scrollLeft) - margin);
      drawn.xTo = Math.max(drawn.xFrom + 1, Math.min(chart.contentWidth, Math.ceil(chart.scrollLeft) + viewport.width + margin));
      const width = drawn.xTo - drawn.xFrom;
      const headerHeight = 2 * HEADER_ROW_HEIGHT;
      const bodyHeight = Math.max(1, chart.rows.length * ROW.height);
      setBox(elements.headerSvg, drawn.xFrom, 0, width, headerHeight);
      elements.headerSvg.innerHTML = `${timeHeaderMarkup(chart.scale, drawn.xFrom, drawn.xTo, HEADER_ROW_HEIGHT, chart.formats)}<g></g>`;
      chart.pinnedLabelLeft = null;
      setBox(elements.bodySvg, drawn.xFrom, 0, width, bodyHeight);
      setBox(elements.overlay, drawn.xFrom, 0, width, bodyHeight);
      elements.gridLayer.innerHTML = gridLayerMarkup(drawn.xFrom, drawn.xTo, 0, bodyHeight);
    }
    placeLayers();
    if (chart.pinnedLabelLeft !== chart.scrollLeft) {
      chart.pinnedLabelLeft = chart.scrollLeft;
      elements.headerSvg.lastElementChild.innerHTML = pinnedLabelMarkup(chart.scale, chart.scrollLeft, HEADER_ROW_HEIGHT, chart.formats);
    }

    // Only touch the attribute when it changes: every change is an accessibility event.
    const selectedDrawn = chart.selected && chunks.has(Math.floor(chart.selected.row / CHUNK_ROWS));
    const activeDescendant = selectedDrawn ? idPrefix + chart.selected.index : null;
    if (activeDescendant !== root.getAttribute('aria-activedescendant')) {
      if (activeDescendant) root.setAttribute('aria-activedescendant', activeDescendant);
      else root.removeAttribute('aria-activedescendant');
    }
  }

  function setBox(svg, x, y, width, height) {
    svg.setAttribute('viewBox', `${x} ${y} ${width} ${height}`);
    svg.setAttribute('width', width);
    svg.setAttribute('height', height);
  }

  /** Marks the chunk holding `row` for redrawing at the next render(). */
  function invalidateRow(row) {
    if (row >= 0) chart.dirtyChunks.add(Math.floor(row / CHUNK_ROWS));
  }

  // ---- state changes used by the API and the interactions -------------------------------------

  function scrollRowIntoView(row) {
    const top = row * ROW.height;
    const { scroller } = elements;
    if (top < scroller.scrollTop) scroller.scrollTop = top;
    else if (top + ROW.height > scroller.scrollTop + chart.viewport.height) scroller.scrollTop = top + ROW.height - chart.viewport.height;
  }

  function setScrollLeft(x) {
    chart.scrollLeft = Math.max(0, Math.min(x, chart.contentWidth - chart.viewport.width));
    elements.timeHbar.scrollLeft = chart.scrollLeft;
  }

  chart.select = (record, { scroll = true } = {}) => {
    if (!record) return;
    const changed = chart.selected !== record;
    if (chart.selected) invalidateRow(chart.selected.row);
    chart.selected = record;
    invalidateRow(record.row);
    if (scroll) scrollRowIntoView(record.row);
    render();
    if (changed) callbacks.onSelect?.(record.id);
  };

  chart.setCollapsed = (record, collapsed) => {
    if (!record?.hasChildren || chart.collapsedIds.has(record.id) === collapsed) return;
    if (collapsed) chart.collapsedIds.add(record.id);
    else chart.collapsedIds.delete(record.id);
    rebuildRows();
    render(true);
  };

  chart.open = (record) => callbacks.onOpenTask?.(record.id);
  chart.forecastOf = (record) => forecastOf(record, chart.forecasts);
  chart.releasesOf = (record) => chart.releases.get(record.id) ?? null;

  chart.announce = (text) => {
    liveRegion.textContent = text;
  };

  chart.showTooltip = (text, clientX, clientY) => {
    const { tooltip } = elements;
    const box = root.getBoundingClientRect();
    tooltip.textContent = text;
    tooltip.hidden = false;
    const left = Math.min(clientX - box.left + 14, box.width - tooltip.offsetWidth - 4);
    tooltip.style.transform = `translate(${Math.max(4, left)}px, ${clientY - box.top + 18}px)`;
  };

  chart.hideTooltip = () => {
    elements.tooltip.hidden = true;
  };

  /** Pointer position in timeline content coordinates (axis pixels, row pixels). */
  chart.contentPoint = (event) => {
    const box = elements.timeBody.getBoundingClientRect();
    return { x: event.clientX - box.left + chart.scrollLeft, y: event.clientY - box.top };
  };

  chart.barGeometry = (record) => barGeometry(record, chart.scale);

  /**
   * Shows an edit as pending while the host's callback settles; on rejection the bar returns to
   * where the data says it is and the row shows the reason.
   */
  chart.commitEdit = async (record, pending, invoke) => {
    record.pending = pending;
    record.error = null;
    render(true);
    try {
      await invoke();
    } catch (error) {
      const message = error?.detail ?? error?.message ?? String(error);
      record.error = message;
      chart.announce(`${record.task.name}: ${message}`);
      later(() => {
        if (record.error === message) {
          record.error = null;
          invalidateRow(record.row);
          render();
        }
      }, ERROR_VISIBLE_MS);
    } finally {
      record.pending = null;
      render(true);
    }
  };

  chart.addLink = (link) => {
    chart.links = [...chart.links, link];
    attachLinks(chart.links, chart.byId, chart.records);
    render(true);
  };

  // ---- data -----------------------------------------------------------------------------------

  function setData(data) {
    const selectedId = chart.selected?.id;
    chart.project = data.project;
    chart.calendar = createCalendar(data.project.calendar, data.project.minutesPerDay ?? 480);
    const { records, byId } = buildRecords(data.tasks, chart.calendar);
    chart.records = records;
    chart.byId = byId;
    chart.links = data.links ?? [];
    attachLinks(chart.links, byId, records);
    for (const id of chart.collapsedIds) if (!byId.has(id)) chart.collapsedIds.delete(id);
    chart.selected = byId.get(selectedId) ?? null;

    // The axis starts a little before the project or its first task, whichever is earlier; with
    // neither dated (an empty project), at today.
    const projectStart = chart.calendar.toAxis(parseDateTime(data.project.start));
    const first = Math.min(axisExtent(records)?.first ?? Infinity, projectStart ?? Infinity);
    const fallback = chart.calendar.toAxis(parseDateTime(data.project.today)) ?? Date.now() / 86400000;
    const axisStart = Number.isFinite(first) ? first : fallback;
    chart.originDay = unitStart('week', axisStart - DAYS_BEFORE_FIRST_TASK);
    chart.today = chart.calendar.toAxis(parseDateTime(data.project.today));
    chart.statusDate = chart.calendar.toAxis(parseDateTime(data.project.statusDate));
    rebuildRows();
    applyScale();
    // The first time, open at the project's start rather than at the margin before it.
    if (!chart.opened) setScrollLeft(chart.scale.x(axisStart) - 24);
    chart.opened = true;
    render(true);
  }

  function updateTasks(changedTasks) {
    const now = performance.now();
    for (const change of changedTasks) {
      const record = chart.byId.get(change.id);
      if (!record) continue;
      record.task = { ...record.task, ...change };
      placeTask(record, chart.calendar);
      record.changedAt = now;
      record.error = null;
    }
    applyScale();
    render(true);
    later(() => render(true), HIGHLIGHT_MS + 50);
  }

  function setZoom(zoomName) {
    if (!ZOOM_LEVELS[zoomName]) throw new Error(`Unknown zoom level "${zoomName}"`);
    if (!chart.scale) {
      chart.zoomName = zoomName;
      return;
    }
    // Keep the date in the middle of the timeline where it is.
    const middleDay = chart.scale.dayAt(chart.scrollLeft + chart.viewport.width / 2);
    chart.zoomName = zoomName;
    applyScale();
    setScrollLeft(chart.scale.x(middleDay) - chart.viewport.width / 2);
    render(true);
  }

  function scrollToTask(id) {
    const record = chart.byId.get(id);
    if (!record) return;
    for (let ancestor = record.parent; ancestor; ancestor = ancestor.parent) chart.collapsedIds.delete(ancestor.id);
    rebuildRows();
    elements.scroller.scrollTop = Math.max(0, record.row * ROW.height - chart.viewport.height / 3);
    const { x1, x2 } = record.start == null ? { x1: chart.scrollLeft, x2: chart.scrollLeft } : barGeometry(record, chart.scale);
    if (x1 < chart.scrollLeft || x2 > chart.scrollLeft + chart.viewport.width) setScrollLeft(x1 - 48);
    render(true);
  }

  function scrollToDate(date) {
    const point = parseDateTime(date);
    if (!point) return;
    setScrollLeft(chart.scale.x(chart.calendar.toAxis(point)) - 32);
    render();
  }

  // ---- scrolling, resizing and the splitter ---------------------------------------------------

  elements.scroller.addEventListener('scroll', () => render(), { passive: true });
  elements.timeHbar.addEventListener('scroll', () => {
    chart.scrollLeft = elements.timeHbar.scrollLeft;
    render();
  }, { passive: true });
  elements.tableHbar.addEventListener('scroll', () => {
    chart.tableScrollLeft = elements.tableHbar.scrollLeft;
    placeTable();
  }, { passive: true });
  // The scroller is a tab stop of its own (the rows' rowgroup, so the treegrid stays valid): Up, Down,
  // Page Up/Down, Home and End scroll it natively; Left and Right scroll the timeline sideways (Shift:
  // a screen at a time), as a trackpad would.
  elements.scroller.addEventListener('keydown', (event) => {
    if (event.target !== elements.scroller || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    const step = event.shiftKey ? Math.max(40, chart.viewport.width - 40) : 80;
    elements.timeHbar.scrollLeft += event.key === 'ArrowLeft' ? -step : step;
    event.preventDefault();
  });
  // The shared scroller only scrolls vertically; sideways wheel and trackpad gestures go to the
  // horizontal scrollbar of the pane under the pointer.
  elements.scroller.addEventListener('wheel', (event) => {
    const delta = event.deltaX || (event.shiftKey ? event.deltaY : 0);
    if (!delta) return;
    const overTable = event.clientX < elements.timeBody.getBoundingClientRect().left;
    (overTable ? elements.tableHbar : elements.timeHbar).scrollLeft += delta;
  }, { passive: true });

  const resizeObserver = new ResizeObserver(() => {
    measureViewport();
    if (chart.scale) applyScale();
    render(true);
  });
  resizeObserver.observe(root);

  elements.splitter.addEventListener('pointerdown', (event) => {
    const startX = event.clientX;
    const startWidth = chart.tableWidth;
    elements.splitter.setPointerCapture(event.pointerId);
    const move = (moveEvent) => {
      const maximum = root.clientWidth - 160;
      chart.tableWidth = Math.round(Math.max(120, Math.min(maximum, startWidth + moveEvent.clientX - startX)));
      applyTableWidth();
      measureViewport();
      applyScale();
      render();
    };
    const stop = () => {
      elements.splitter.removeEventListener('pointermove', move);
      elements.splitter.removeEventListener('pointerup', stop);
      elements.splitter.removeEventListener('pointercancel', stop);
    };
    elements.splitter.addEventListener('pointermove', move);
    elements.splitter.addEventListener('pointerup', stop);
    elements.splitter.addEventListener('pointercancel', stop);
  });

  attachInteractions(chart);
  applyColumns();
  applyTableWidth();
  measureViewport();
  if (options.data) setData(options.data);

  return {
    setData,
    updateTasks,
    /** Replaces all links, e.g. after the host deleted one. */
    setLinks(links) {
      chart.links = links;
      attachLinks(links, chart.byId, chart.records);
      render(true);
    },
    setZoom,
    /**
     * Forecast dates of milestones, `[{ taskId, forecast }]` (e.g. from sprints): a marker is drawn for
     * each whose forecast is another day than its finish. Draws only the markers' layer.
     */
    setForecasts(forecasts) {
      chart.forecasts = new Map((forecasts ?? []).filter((f) => f.forecast).map((f) => [f.taskId, f.forecast]));
      drawForecasts();
      // The rows' text alternative of the markers: only the table of the drawn chunks, never the bars.
      const context = tableContext();
      for (const [number, chunk] of chart.chunks) {
        const from = number * CHUNK_ROWS;
        chunk.table.innerHTML = tableRowsMarkup(chart.rows, from, Math.min(chart.rows.length, from + CHUNK_ROWS), chart.columns, context);
      }
    },
    /**
     * Releases linked to milestones, `[{ taskId, lines, deployments }]`: `lines` say what each release is and
     * where it was deployed (the flag's title, the tooltip and the row's text alternative). Draws the markers'
     * layer and the rows' text again, never the bars.
     */
    setReleases(releases) {
      chart.releases = new Map((releases ?? []).filter((r) => r.lines?.length).map((r) => [r.taskId, r]));
      drawForecasts();
      const context = tableContext();
      for (const [number, chunk] of chart.chunks) {
        const from = number * CHUNK_ROWS;
        chunk.table.innerHTML = tableRowsMarkup(chart.rows, from, Math.min(chart.rows.length, from + CHUNK_ROWS), chart.columns, context);
      }
    },
    setColumns(columns) {
      chart.columns = resolveColumns(columns);
      applyColumns();
      render(true);
    },
    showBaseline(visible) {
      chart.showBaseline = Boolean(visible);
      render(true);
    },
    collapse: (id) => chart.setCollapsed(chart.byId.get(id), true),
    expand: (id) => chart.setCollapsed(chart.byId.get(id), false),
    expandAll() {
      chart.collapsedIds.clear();
      rebuildRows();
      render(true);
    },
    collapseAll() {
      for (const record of chart.records) if (record.hasChildren) chart.collapsedIds.add(record.id);
      rebuildRows();
      render(true);
    },
    select(id) {
      const record = chart.byId.get(id);
      if (record && record.row >= 0) chart.select(record);
    },
    scrollToTask,
    scrollToDate,
    /** PNG of what is on screen: the table columns and time range in view, for the rows in view. */
    exportPng: () => exportPng(chart, { headerMarkup, bodyMarkup, tableContext, headerHeight: 2 * HEADER_ROW_HEIGHT }),
    destroy() {
      resizeObserver.disconnect();
      for (const timer of chart.timers) clearTimeout(timer);
      root.remove();
      liveRegion.remove();
    },
  };
}
