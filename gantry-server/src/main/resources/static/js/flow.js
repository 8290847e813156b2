// The Flow page (/projects/{key}/flow): draws the cycle-time scatter and the cumulative flow diagram with
// ECharts from the figures the server rendered beside them (data-series; the tables under the charts hold
// the same numbers for screen readers and keyboard users). The charts' containers carry role="img" and an
// aria-label; ECharts' own aria option is not used (it broke pages before). When the project changes
// (live.js), the page's own address is refetched in the background and the figures replaced in place; the
// tables that were open stay open.
import { whenProjectChanges } from './live.js';

const content = () => document.getElementById('flow-content');
const charts = [];

// One colour family per status category, lighter for each further status of the same category, so the
// bands read "waiting, working, done" at a glance however many statuses a project has.
const FAMILIES = {
  TO_DO: ['#9aa5b1', '#c3cad3', '#7b8794'],
  IN_PROGRESS: ['#2f6fd6', '#6b9be6', '#1d4f9e'],
  DONE: ['#1f9d55', '#5cc489', '#137a40'],
};

function drawCycleTime() {
  const box = document.getElementById('cycle-chart');
  if (!box) return;
  const data = JSON.parse(box.dataset.series);
  const chart = window.echarts.init(box, null, { renderer: 'svg' });
  const lines = Object.entries(data.percentiles).map(([name, days]) => ({
    name: `${name} percentile`, yAxis: Number(days),
    label: { formatter: `${name}: ${days} d`, position: 'insideEndTop' },
  }));
  chart.setOption({
    animation: false,
    grid: { left: 60, right: 30, top: 30, bottom: 50 },
    tooltip: {
      trigger: 'item',
      formatter: (item) => (item.componentType === 'markLine'
        ? `${item.name}: ${item.value} days`
        : `${item.data[2]}<br>finished ${item.data[0]}, ${item.data[1]} days`),
    },
    xAxis: { type: 'time', min: data.from, max: data.to, name: 'finished on', nameLocation: 'middle', nameGap: 28 },
    yAxis: { type: 'value', name: 'days', min: 0 },
    series: [{
      name: 'Finished tasks',
      type: 'scatter',
      symbolSize: 9,
      data: data.points.map((point) => [point.date, Number(point.days), point.task]),
      markLine: {
        symbol: 'none', silent: false, lineStyle: { type: 'dashed', color: '#b35c00' }, data: lines,
      },
    }],
  });
  box.dataset.points = String(chart.getOption().series[0].data.length);
  box.dataset.percentileLines = String(lines.length);
  charts.push(chart);
}

function drawCumulativeFlow() {
  const box = document.getElementById('flow-chart');
  if (!box) return;
  const data = JSON.parse(box.dataset.series);
  const chart = window.echarts.init(box, null, { renderer: 'svg' });
  const used = {};
  // Done at the bottom, waiting work on top: the stack grows upwards in the order the work flows.
  const series = [...data.series].reverse().map((status) => {
    const family = FAMILIES[status.category] ?? FAMILIES.TO_DO;
    const colour = family[(used[status.category] = (used[status.category] ?? -1) + 1) % family.length];
    return {
      name: status.name, type: 'line', stack: 'flow', symbol: 'none', areaStyle: { opacity: 0.85 },
      lineStyle: { width: 1 }, color: colour, data: status.counts,
    };
  });
  chart.setOption({
    animation: false,
    legend: { top: 0 },
    grid: { left: 50, right: 30, top: 40, bottom: 40 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', boundaryGap: false, data: data.dates },
    yAxis: { type: 'value', name: 'tasks', minInterval: 1 },
    series,
  });
  const option = chart.getOption();
  box.dataset.days = String(option.xAxis[0].data.length);
  box.dataset.bands = String(option.series.length);
  charts.push(chart);
}

function draw() {
  charts.splice(0).forEach((chart) => chart.dispose());
  if (!window.echarts) return;
  drawCycleTime();
  drawCumulativeFlow();
}

/** Replaces the figures by the server's current ones for the same range (the address holds it). */
async function refresh() {
  const response = await fetch(window.location.href, {
    credentials: 'same-origin', headers: { Accept: 'text/html', 'X-Gantry-Background': '1' },
  });
  if (!response.ok) return;
  const fresh = new DOMParser().parseFromString(await response.text(), 'text/html').getElementById('flow-content');
  const old = content();
  if (!fresh || !old) return;
  const open = [...old.querySelectorAll('details[open]')].map((details) => details.id);
  const focused = old.contains(document.activeElement) ? document.activeElement.id : null;
  const next = document.importNode(fresh, true);
  for (const id of open) next.querySelector(`#${CSS.escape(id)}`)?.setAttribute('open', '');
  next.dataset.refreshed = String(Number(old.dataset.refreshed ?? 0) + 1);
  old.replaceWith(next);
  if (focused) document.getElementById(focused)?.focus();
  draw();
}

draw();
window.addEventListener('resize', () => charts.forEach((chart) => chart.resize()));
whenProjectChanges(refresh);
