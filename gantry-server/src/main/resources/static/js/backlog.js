// The backlog page (/projects/{key}/backlog): tasks dragged with SortableJS between the backlog and the open
// sprints or to another place, moved with Alt+Up/Down on a focused row (past the top or bottom of a list to the
// list above or below), or sent somewhere with the row's "Move to" list. Every move posts the task's sprint
// (empty: the backlog), place and version; the answer is the plan re-rendered, with a notice when the move was
// refused, so the page always shows what is saved. Changes others make arrive through live.js. The burndown
// and velocity charts are drawn with ECharts from the figures in data-series (the tables beside them hold
// the same numbers).
import Sortable from '/webjars/sortablejs/1.15.6/modular/sortable.esm.js';
import { whenProjectChanges } from './live.js';

let sortables = [];
let dragging = false;
let sending = false;

const planning = () => document.getElementById('planning');

function csrfHeaders() {
  const token = document.querySelector('meta[name="_csrf"]')?.content;
  const header = document.querySelector('meta[name="_csrf_header"]')?.content;
  return token && header ? { [header]: token } : {};
}

function init() {
  sortables.forEach((sortable) => sortable.destroy());
  sortables = [];
  const root = planning();
  if (!root || root.dataset.canEdit !== 'true') return;
  for (const list of root.querySelectorAll('.plan-list')) {
    sortables.push(Sortable.create(list, {
      group: 'plan',
      draggable: '.plan-row',
      filter: 'select',
      preventOnFilter: false,
      forceFallback: true,
      fallbackTolerance: 3,
      animation: 0,
      onStart: () => { dragging = true; },
      onEnd: (event) => {
        dragging = false;
        if (event.from === event.to && event.oldIndex === event.newIndex) return;
        move(event.item, event.to.dataset.sprint, event.newIndex + 1);
      },
    }));
  }
}

/** Posts the move and shows the plan as the server has it afterwards. */
async function move(row, sprint, position) {
  const root = planning();
  sending = true;
  root.setAttribute('aria-busy', 'true');
  try {
    const body = new URLSearchParams({ sprintId: sprint ?? '', version: row.dataset.version });
    if (position) body.set('position', String(position));
    const response = await fetch(`/projects/${encodeURIComponent(root.dataset.project)}/backlog/tasks/${row.dataset.id}/plan`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { ...csrfHeaders(), 'HX-Request': 'true', 'Content-Type': 'application/x-www-form-urlencoded' },
      body,
    });
    replace(await response.text(), row.dataset.id);
  } catch {
    await refresh(row.dataset.id);
  } finally {
    sending = false;
    planning()?.removeAttribute('aria-busy');
  }
}

function replace(html, focusId, live = false) {
  const fresh = new DOMParser().parseFromString(html, 'text/html');
  const plan = fresh.getElementById('planning');
  if (!plan || !planning()) return;
  // A live update that changes nothing shown keeps the page as it is (a list someone is choosing from
  // keeps their choice).
  if (live && plan.innerHTML === planning().innerHTML) return;
  planning().replaceWith(document.importNode(plan, true));
  if (live) {
    const charts = fresh.getElementById('charts');
    if (charts && document.getElementById('charts')) {
      document.getElementById('charts').replaceWith(document.importNode(charts, true));
      drawCharts();
    }
  }
  init();
  if (focusId) planning().querySelector(`.plan-row[data-id="${focusId}"]`)?.focus();
}

async function refresh(focusId) {
  const response = await fetch(window.location.href, { credentials: 'same-origin', headers: { Accept: 'text/html', 'X-Gantry-Background': '1' } });
  if (response.ok) replace(await response.text(), focusId, true);
}

const rowsOf = (list) => [...list.querySelectorAll('.plan-row')];

document.addEventListener('keydown', (event) => {
  const row = event.target instanceof Element ? event.target.closest('.plan-row') : null;
  const root = planning();
  if (!row || !root || !root.contains(row) || sending || event.target.closest('select')) return;
  if (!['ArrowUp', 'ArrowDown'].includes(event.key)) return;
  const lists = [...root.querySelectorAll('.plan-list')];
  const list = row.parentElement;
  const siblings = rowsOf(list);
  const index = siblings.indexOf(row);
  event.preventDefault();
  if (!event.altKey) {
    const next = siblings[index + (event.key === 'ArrowUp' ? -1 : 1)];
    next?.focus();
    return;
  }
  if (root.dataset.canEdit !== 'true') return;
  const at = lists.indexOf(list);
  if (event.key === 'ArrowUp') {
    if (index > 0) move(row, list.dataset.sprint, index);
    else if (lists[at - 1]) move(row, lists[at - 1].dataset.sprint, null);
  } else if (index < siblings.length - 1) {
    move(row, list.dataset.sprint, index + 2);
  } else if (lists[at + 1]) {
    move(row, lists[at + 1].dataset.sprint, 1);
  }
});

document.addEventListener('change', (event) => {
  const select = event.target instanceof Element ? event.target.closest('.move-to') : null;
  const row = select?.closest('.plan-row');
  if (!row || sending) return;
  move(row, select.value, null);
});

function drawCharts() {
  if (!window.echarts) return;
  const burndown = document.getElementById('burndown-chart');
  if (burndown) {
    const data = JSON.parse(burndown.dataset.series);
    const line = (name, values, extra = {}) => ({ name, type: 'line', data: values, symbolSize: 6, ...extra });
    window.echarts.init(burndown, null, { renderer: 'svg' }).setOption({
      animation: false,
      aria: { enabled: true },
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 50, right: 20, top: 70, bottom: 30 },
      xAxis: { type: 'category', data: data.dates },
      yAxis: { type: 'value', name: 'points' },
      series: [
        line('Ideal', data.ideal, { lineStyle: { type: 'dashed' }, symbol: 'none' }),
        line('Remaining', data.remaining),
        { name: 'Added after start', type: 'bar', data: data.scopeAdded, barMaxWidth: 18 },
        line('Completed (burnup)', data.completed),
        line('Total scope', data.totalScope, { step: 'end' }),
      ],
    });
  }
  const velocity = document.getElementById('velocity-chart');
  if (velocity) {
    const data = JSON.parse(velocity.dataset.series);
    window.echarts.init(velocity, null, { renderer: 'svg' }).setOption({
      animation: false,
      aria: { enabled: true },
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 50, right: 20, top: 70, bottom: 30 },
      xAxis: { type: 'category', data: data.sprints },
      yAxis: { type: 'value', name: 'points' },
      series: [
        { name: 'Committed', type: 'bar', data: data.committed },
        { name: 'Completed', type: 'bar', data: data.completed },
      ],
    });
  }
}

init();
drawCharts();
// Busy while dragging, sending, or while someone is in one of the plan's forms or lists.
const inForm = () => Boolean(planning()?.contains(document.activeElement) && document.activeElement.closest('form, select'));
whenProjectChanges(() => refresh(document.activeElement?.closest?.('.plan-row')?.dataset.id), {
  busy: () => dragging || sending || inForm(),
});
