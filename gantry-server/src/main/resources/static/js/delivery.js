// The Delivery page (/projects/{key}/delivery): draws the weekly deployments and change failures, and the
// weekly median lead time and time to restore, with ECharts from the figures the server rendered beside them
// (data-series; the tables under the charts hold the same numbers for screen readers and keyboard users).
// The charts' containers carry role="img" and an aria-label; ECharts' own aria option is not used (it broke
// pages before). When the project changes (live.js: a deployment or issue delivered by a webhook, too), the
// page's own address is refetched in the background and the figures replaced in place; open tables stay open.
import { whenProjectChanges } from './live.js';

const content = () => document.getElementById('delivery-content');
const charts = [];

function drawThroughput() {
  const box = document.getElementById('throughput-chart');
  if (!box) return;
  const data = JSON.parse(box.dataset.series);
  const chart = window.echarts.init(box, null, { renderer: 'svg' });
  chart.setOption({
    animation: false,
    legend: { top: 0 },
    grid: { left: 50, right: 30, top: 40, bottom: 40 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: data.weeks, name: 'week of', nameLocation: 'middle', nameGap: 26 },
    yAxis: { type: 'value', name: 'deployments', minInterval: 1 },
    series: [
      { name: 'Successful deployments', type: 'bar', color: '#1d5fb4', data: data.deployments },
      { name: 'Change failures', type: 'bar', color: '#a3262e', data: data.failures },
    ],
  });
  box.dataset.weeks = String(chart.getOption().xAxis[0].data.length);
  box.dataset.deployments = String(data.deployments.reduce((sum, n) => sum + n, 0));
  charts.push(chart);
}

function drawTimes() {
  const box = document.getElementById('times-chart');
  if (!box) return;
  const data = JSON.parse(box.dataset.series);
  const chart = window.echarts.init(box, null, { renderer: 'svg' });
  chart.setOption({
    animation: false,
    legend: { top: 0 },
    grid: { left: 50, right: 30, top: 40, bottom: 40 },
    tooltip: { trigger: 'axis', valueFormatter: (hours) => (hours == null ? 'none' : `${hours} h`) },
    xAxis: { type: 'category', data: data.weeks, name: 'week of', nameLocation: 'middle', nameGap: 26 },
    yAxis: { type: 'value', name: 'hours', min: 0 },
    series: [
      { name: 'Median lead time', type: 'line', connectNulls: false, color: '#1d5fb4', data: data.leadTimeHours },
      { name: 'Median time to restore', type: 'line', connectNulls: false, color: '#b35c00', data: data.restoreHours },
    ],
  });
  box.dataset.weeks = String(chart.getOption().xAxis[0].data.length);
  charts.push(chart);
}

function draw() {
  charts.splice(0).forEach((chart) => chart.dispose());
  if (!window.echarts) return;
  drawThroughput();
  drawTimes();
}

/** Replaces the figures by the server's current ones for the same period (the address holds it). */
async function refresh() {
  const response = await fetch(window.location.href, {
    credentials: 'same-origin', headers: { Accept: 'text/html', 'X-Gantry-Background': '1' },
  });
  if (!response.ok) return;
  const fresh = new DOMParser().parseFromString(await response.text(), 'text/html').getElementById('delivery-content');
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
