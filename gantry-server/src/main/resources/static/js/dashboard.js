// The project dashboard (/projects/{key}): tiles moved with their Move up / Move down buttons and hidden or
// shown with Hide / Show; each change saves the person's arrangement through the preferences API (with the
// version read, so another tab's change is not overwritten silently: the page reloads to show it). Charts are
// drawn with ECharts from the figures the tables beside them repeat. When the project changes (live.js), the
// tiles' contents are refetched and replaced in place; the arrangement and the focus stay.
import { whenProjectChanges } from './live.js';

const root = document.getElementById('dashboard');
let saving = false;

function csrfHeaders() {
  const token = document.querySelector('meta[name="_csrf"]')?.content;
  const header = document.querySelector('meta[name="_csrf_header"]')?.content;
  return token && header ? { [header]: token } : {};
}

const tiles = () => [...document.querySelectorAll('#tiles > .tile')];

function say(text) {
  const status = document.getElementById('preferences-status');
  if (status) status.textContent = text;
}

// Saves run one after another, each sending the arrangement as it is then with the version the previous
// save answered, so quick key presses are neither lost nor refused as stale.
let queue = Promise.resolve();
let queued = 0;

function save() {
  queued += 1;
  saving = true;
  queue = queue.then(send).finally(() => {
    queued -= 1;
    saving = queued > 0;
  });
  return queue;
}

async function send() {
  const order = tiles().map((tile) => tile.dataset.tile);
  const hidden = tiles().filter((tile) => tile.hidden).map((tile) => tile.dataset.tile);
  try {
    const response = await fetch(`/api/v1/projects/${encodeURIComponent(root.dataset.project)}/dashboard/preferences`, {
      method: 'PUT',
      credentials: 'same-origin',
      headers: { ...csrfHeaders(), 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ order, hidden, version: Number(root.dataset.version) }),
    });
    if (response.status === 409) {
      window.location.reload();
      return;
    }
    if (!response.ok) {
      say('Your arrangement could not be saved; reload the page and try again.');
      return;
    }
    const saved = await response.json();
    root.dataset.version = String(saved.version);
    root.dataset.saved = order.join(',') + '|' + hidden.join(',');
  } catch {
    say('Your arrangement could not be saved; reload the page and try again.');
  }
}

function renderHiddenList() {
  const box = document.getElementById('hidden-tiles');
  const list = box.querySelector('ul');
  const hidden = tiles().filter((tile) => tile.hidden);
  list.replaceChildren(...hidden.map((tile) => {
    const item = document.createElement('li');
    item.dataset.tile = tile.dataset.tile;
    const name = document.createElement('span');
    name.textContent = tile.dataset.title;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'show-tile';
    button.textContent = 'Show';
    button.setAttribute('aria-label', `Show ${tile.dataset.title}`);
    item.append(name, button);
    return item;
  }));
  box.classList.toggle('empty', hidden.length === 0);
}

function visibleNeighbour(tile, direction) {
  let next = direction < 0 ? tile.previousElementSibling : tile.nextElementSibling;
  while (next && next.hidden) next = direction < 0 ? next.previousElementSibling : next.nextElementSibling;
  return next;
}

root.addEventListener('click', (event) => {
  const button = event.target.closest('button');
  if (!button) return;
  if (button.classList.contains('show-tile')) {
    const id = button.closest('li').dataset.tile;
    const tile = document.getElementById(`tile-${id}`);
    tile.hidden = false;
    renderHiddenList();
    resizeCharts();
    tile.querySelector('.hide-tile')?.focus();
    say(`${tile.dataset.title} shown.`);
    save();
    return;
  }
  const tile = button.closest('.tile');
  if (!tile) return;
  if (button.classList.contains('move-up') || button.classList.contains('move-down')) {
    const up = button.classList.contains('move-up');
    const neighbour = visibleNeighbour(tile, up ? -1 : 1);
    if (!neighbour) {
      say(`${tile.dataset.title} is already ${up ? 'first' : 'last'}.`);
      return;
    }
    if (up) neighbour.before(tile); else neighbour.after(tile);
    button.focus();
    say(`${tile.dataset.title} moved ${up ? 'up' : 'down'}.`);
    save();
  } else if (button.classList.contains('hide-tile')) {
    const next = visibleNeighbour(tile, 1) ?? visibleNeighbour(tile, -1);
    tile.hidden = true;
    renderHiddenList();
    (next?.querySelector('.hide-tile') ?? document.querySelector('#hidden-tiles .show-tile'))?.focus();
    say(`${tile.dataset.title} hidden; Show brings it back.`);
    save();
  }
});

const charts = [];

function resizeCharts() {
  charts.forEach((chart) => chart.resize());
}

function drawCharts() {
  charts.splice(0).forEach((chart) => chart.dispose());
  if (!window.echarts) return;
  const base = { animation: false, aria: { enabled: true }, tooltip: { trigger: 'axis' } };
  const progress = document.getElementById('progress-chart');
  if (progress) {
    const data = JSON.parse(progress.dataset.series);
    const chart = window.echarts.init(progress, null, { renderer: 'svg' });
    chart.setOption({
      ...base,
      grid: { left: 70, right: 20, top: 10, bottom: 30 },
      xAxis: { type: 'value', max: 100, name: '%' },
      yAxis: { type: 'category', data: data.labels },
      series: [{ type: 'bar', data: data.values, barMaxWidth: 22, label: { show: true, position: 'right' } }],
    });
    charts.push(chart);
  }
  const workload = document.getElementById('workload-chart');
  if (workload) {
    const data = JSON.parse(workload.dataset.series);
    const chart = window.echarts.init(workload, null, { renderer: 'svg' });
    chart.setOption({
      ...base,
      legend: { top: 0 },
      grid: { left: 50, right: 20, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: data.names },
      yAxis: { type: 'value', name: 'hours' },
      series: [
        { name: 'This week', type: 'bar', data: data.thisWeek,
          markLine: { symbol: 'none', data: [{ yAxis: Number(data.capacity), name: 'Capacity' }] } },
        { name: 'Next week', type: 'bar', data: data.nextWeek },
      ],
    });
    charts.push(chart);
  }
  const trend = document.getElementById('trend-chart');
  if (trend) {
    const data = JSON.parse(trend.dataset.series);
    const chart = window.echarts.init(trend, null, { renderer: 'svg' });
    chart.setOption({
      ...base,
      grid: { left: 90, right: 20, top: 10, bottom: 30 },
      xAxis: { type: 'category', data: data.labels },
      yAxis: { type: 'time' },
      series: [{ type: 'line', data: data.finishes, symbolSize: 6 }],
    });
    charts.push(chart);
  }
}

/** Replaces every tile's contents with the server's current ones (the arrangement is left as it is). */
async function refresh() {
  const response = await fetch(`/projects/${encodeURIComponent(root.dataset.project)}`, { credentials: 'same-origin', headers: { Accept: 'text/html', 'X-Gantry-Background': '1' } });
  if (!response.ok) return;
  const fresh = new DOMParser().parseFromString(await response.text(), 'text/html');
  for (const tile of tiles()) {
    const id = tile.dataset.tile;
    const old = document.getElementById(`body-${id}`);
    const next = fresh.getElementById(`body-${id}`);
    if (!old || !next) continue;
    if (old.contains(document.activeElement) && document.activeElement.closest('form, details')) continue;
    old.replaceWith(document.importNode(next, true));
  }
  drawCharts();
  root.dataset.refreshed = String(Number(root.dataset.refreshed ?? 0) + 1);
}

drawCharts();
window.addEventListener('resize', resizeCharts);
whenProjectChanges(refresh, { busy: () => saving });
