/**
 * Dev page host: generates a project, shows it in the Gantt chart, and plays the server's part for
 * edits (a naive reschedule that pushes finish-to-start successors) so every callback can be tried.
 *
 * Query string: tasks (default 200), links (default 1.5 x tasks), seed, zoom, baseline=1,
 * columns=schedule|slack|baseline, measure=1.
 */
// Imports are evaluated before this line runs, so this is "script start" once the chart's modules
// have loaded; measure.js also reports the time since navigation.
const scriptStart = performance.now();

import { createGantt } from '../../gantry-server/src/main/resources/static/js/gantt/gantt.js';
import { createCalendar, formatDateTime, parseDateTime } from '../../gantry-server/src/main/resources/static/js/gantt/calendar.js';
import { generateProject } from './generate-project.js';
import { measureScrolling } from './measure.js';

const params = new URLSearchParams(location.search);
const taskCount = Number(params.get('tasks') ?? 200);
const linkCount = Number(params.get('links') ?? Math.round(taskCount * 1.5));
const measuring = params.get('measure') === '1';

const logElement = document.getElementById('log');
function log(text) {
  if (measuring) return;
  const line = `${new Date().toLocaleTimeString()}  ${text}\n`;
  logElement.textContent = (line + logElement.textContent).slice(0, 20000);
}

const generateStart = performance.now();
const data = generateProject({ taskCount, linkCount, seed: Number(params.get('seed') ?? 7) });
const generateMs = performance.now() - generateStart;
document.getElementById('summary').textContent = `${data.tasks.length.toLocaleString()} tasks · ${data.links.length.toLocaleString()} links`;

// ---- the pretend server -------------------------------------------------------------------------

const calendar = createCalendar(data.project.calendar, data.project.minutesPerDay);
const tasksById = new Map(data.tasks.map((task) => [task.id, task]));
const successorLinks = new Map();
for (const link of data.links) {
  if (!successorLinks.has(link.predecessorId)) successorLinks.set(link.predecessorId, []);
  successorLinks.get(link.predecessorId).push(link);
}
const answerDelay = () => new Promise((resolve) => setTimeout(resolve, 250));

function shiftTask(task, workingDays) {
  const start = parseDateTime(task.start);
  const finish = parseDateTime(task.finish);
  task.start = formatDateTime(calendar.addWorkingDays(start.day, workingDays), start.minutes);
  task.finish = formatDateTime(calendar.addWorkingDays(finish.day, workingDays), finish.minutes);
  task.version += 1;
}

/** Pushes finish-to-start successors that now start before their predecessor finishes. */
function pushSuccessors(task, moved) {
  for (const link of successorLinks.get(task.id) ?? []) {
    if (link.type !== 'FINISH_START') continue;
    const successor = tasksById.get(link.successorId);
    const finishDay = parseDateTime(task.finish).day;
    const startDay = parseDateTime(successor.start).day;
    if (startDay > finishDay) continue;
    shiftTask(successor, calendar.workingDaysBetween(startDay, calendar.addWorkingDays(finishDay, 1)));
    moved.set(successor.id, successor);
    if (moved.size < 500) pushSuccessors(successor, moved);
  }
}

function reachable(fromId, toId) {
  const seen = new Set();
  const stack = [fromId];
  while (stack.length) {
    const id = stack.pop();
    if (id === toId) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const link of successorLinks.get(id) ?? []) stack.push(link.successorId);
  }
  return false;
}

const createStart = performance.now();
const gantt = createGantt(document.getElementById('chart'), {
  data,
  zoom: params.get('zoom') ?? 'week',
  label: 'Generated project schedule',
  async onMoveTask(id, newStart) {
    log(`onMoveTask(${id}, ${newStart})`);
    await answerDelay();
    const task = tasksById.get(id);
    if (task.percentComplete >= 100) throw new Error('A finished task cannot move; reduce its % complete first.');
    if (newStart < data.project.start) throw new Error('That is before the project starts.');
    shiftTask(task, calendar.workingDaysBetween(parseDateTime(task.start).day, parseDateTime(newStart).day));
    const moved = new Map([[id, task]]);
    pushSuccessors(task, moved);
    gantt.updateTasks([...moved.values()]);
    log(`  server moved ${moved.size} task(s)`);
  },
  async onResizeTask(id, newFinish) {
    log(`onResizeTask(${id}, ${newFinish})`);
    await answerDelay();
    const task = tasksById.get(id);
    const start = parseDateTime(task.start).day;
    task.finish = newFinish;
    task.durationMinutes = calendar.workingDaysBetween(start, parseDateTime(newFinish).day + 1) * data.project.minutesPerDay;
    task.version += 1;
    const moved = new Map([[id, task]]);
    pushSuccessors(task, moved);
    gantt.updateTasks([...moved.values()]);
  },
  async onProgressChange(id, percent) {
    log(`onProgressChange(${id}, ${percent})`);
    await answerDelay();
    const task = tasksById.get(id);
    task.percentComplete = percent;
    task.version += 1;
    gantt.updateTasks([task]);
  },
  async onCreateLink(predecessorId, successorId, type) {
    log(`onCreateLink(${predecessorId}, ${successorId}, ${type})`);
    await answerDelay();
    if (reachable(successorId, predecessorId)) {
      throw new Error(`${tasksById.get(successorId).name} already leads to this task; the link would make a loop.`);
    }
    const link = { id: `L${data.links.length + 1}`, predecessorId, successorId, type, lagMinutes: 0 };
    data.links.push(link);
    if (!successorLinks.has(predecessorId)) successorLinks.set(predecessorId, []);
    successorLinks.get(predecessorId).push(link);
    return link;
  },
  onOpenTask: (id) => log(`onOpenTask(${id}): ${tasksById.get(id).name}`),
  onSelect: (id) => log(`onSelect(${id})`),
});

// ---- toolbar --------------------------------------------------------------------------------------

const COLUMN_SETS = {
  schedule: ['wbs', 'name', 'duration', 'start', 'finish', 'percent', 'assignees'],
  slack: ['wbs', 'name', 'duration', 'start', 'finish', 'totalSlack', 'freeSlack'],
  baseline: ['wbs', 'name', 'start', 'finish', 'baselineStart', 'baselineFinish', 'startVariance', 'finishVariance', 'durationVariance'],
};
const byId = (id) => document.getElementById(id);
byId('zoom').value = params.get('zoom') ?? 'week';
byId('zoom').addEventListener('change', (event) => gantt.setZoom(event.target.value));
byId('columns').addEventListener('change', (event) => gantt.setColumns(COLUMN_SETS[event.target.value]));
byId('baseline').addEventListener('change', (event) => gantt.showBaseline(event.target.checked));
byId('collapse-all').addEventListener('click', () => gantt.collapseAll());
byId('expand-all').addEventListener('click', () => gantt.expandAll());
byId('today').addEventListener('click', () => gantt.scrollToDate(data.project.today));
byId('export').addEventListener('click', async () => {
  const blob = await gantt.exportPng();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = 'gantt.png';
  link.click();
  log(`exportPng(): ${Math.round(blob.size / 1024)} KiB`);
});
if (params.get('baseline') === '1') {
  byId('baseline').checked = true;
  gantt.showBaseline(true);
}
if (params.get('columns')) {
  byId('columns').value = params.get('columns');
  gantt.setColumns(COLUMN_SETS[params.get('columns')]);
}

// For trying the API from the console, and for the interaction checks of GanttScriptsIT.
window.gantt = gantt;
window.ganttData = data;

if (measuring) measureScrolling({ scriptStart, createStart, generateMs, taskCount: data.tasks.length, linkCount: data.links.length });
