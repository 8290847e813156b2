// The Gantt page: loads the project's schedule from the API, shows it with the Gantt component, and
// turns every edit on the chart into an API call with the task's version. The server reschedules in
// the same request and answers with what moved, which the chart then shows. Undo sends the inverse
// call (again with the current version), so it is an edit like any other and can be refused as stale.
import { createGantt } from './gantt/gantt.js';
import { whenProjectChanges } from './live.js';

const page = document.getElementById('gantt-page');
const key = page.dataset.project;
const canEdit = page.dataset.canEdit === 'true';
const canManage = page.dataset.canManage === 'true';
const api = `/api/v1/projects/${encodeURIComponent(key)}`;
const host = document.getElementById('gantt');
const message = document.getElementById('gantt-message');
const errorBox = document.getElementById('gantt-error');
const undoButton = document.getElementById('gantt-undo');
const baselineChoice = document.getElementById('gantt-baseline');

const COLUMNS = [
  ['wbs', 'WBS'], ['name', 'Task name'], ['duration', 'Duration'], ['start', 'Start'], ['finish', 'Finish'],
  ['totalSlack', 'Total slack'], ['freeSlack', 'Free slack'], ['percent', '% complete'], ['assignees', 'Assigned to'],
  ['baselineStart', 'Baseline start'], ['baselineFinish', 'Baseline finish'], ['startVariance', 'Start variance'],
  ['finishVariance', 'Finish variance'], ['durationVariance', 'Duration variance'],
];
const STORED_COLUMNS = `gantry.gantt.columns.${key}`;
let columns = readColumns();
const tasks = new Map();   // id -> the task as the chart has it (with version, constraint, ...)
const undoStack = [];
let gantt = null;
let project = null;
let selectedTask = null;

function readColumns() {
  try {
    const saved = JSON.parse(localStorage.getItem(STORED_COLUMNS));
    if (Array.isArray(saved) && saved.every((c) => COLUMNS.some(([k]) => k === c))) return saved;
  } catch { /* no saved choice */ }
  return ['wbs', 'name', 'duration', 'start', 'finish', 'totalSlack', 'percent', 'assignees'];
}

/** A problem (RFC 9457) as an Error the chart can show: it reads `detail` or `message`. */
class Problem extends Error {
  constructor(status, body) {
    super(body?.detail || body?.title || `The server answered ${status}.`);
    this.status = status;
    this.detail = this.message;
    this.body = body;
  }
}

async function call(method, path, body) {
  if (method === 'GET') return send(method, path, body);
  ownEdits += 1;
  try {
    return await send(method, path, body);
  } finally {
    ownEdits -= 1;
  }
}

async function send(method, path, body) {
  const headers = { Accept: 'application/json' };
  const token = document.querySelector('meta[name="_csrf"]')?.content;
  const header = document.querySelector('meta[name="_csrf_header"]')?.content;
  if (token && header) headers[header] = token;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(api + path, {
    method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) throw new Problem(response.status, json);
  return { json, response };
}

function say(text) {
  message.textContent = text;
}

function showError(text) {
  errorBox.textContent = text;
  errorBox.hidden = !text;
}

function nameOf(id) {
  return tasks.get(id)?.name ?? `task ${id}`;
}

/** Applies a task or link answer: the edited task's own fields and every task the reschedule changed. */
function applySchedule(answer, editedTask) {
  const changes = [];
  for (const entry of answer?.rescheduled ?? []) {
    changes.push({
      id: entry.id, start: entry.start, finish: entry.finish, durationMinutes: entry.durationMinutes,
      totalSlackMinutes: entry.totalSlackMinutes, freeSlackMinutes: entry.freeSlackMinutes,
      critical: entry.critical, version: entry.version,
    });
  }
  if (editedTask) {
    const change = {};
    for (const field of ['id', 'start', 'finish', 'durationMinutes', 'percentComplete', 'version', 'constraintType',
      'critical', 'totalSlackMinutes', 'freeSlackMinutes', 'deadline']) {
      if (editedTask[field] !== undefined) change[field] = editedTask[field];
    }
    changes.push(change);
  }
  for (const change of changes) {
    const task = tasks.get(change.id);
    if (task) Object.assign(task, change);
  }
  gantt.updateTasks(changes);
  const moved = answer?.moved ?? [];
  const others = moved.filter((m) => m.id !== editedTask?.id);
  say(moved.length === 0 ? 'Saved; no dates moved.'
    : `Saved; ${moved.length} task${moved.length === 1 ? '' : 's'} moved`
      + (others.length ? ` (${others.slice(0, 5).map((m) => nameOf(m.id)).join(', ')}${others.length > 5 ? ', …' : ''})` : '')
      + (answer?.rescheduleMillis != null ? ` — rescheduled in ${Math.round(answer.rescheduleMillis)} ms.` : '.'));
  showError('');
}

/** A refused edit: a stale version reloads the chart (the other person's change wins, yours is named). */
async function refused(problem, what) {
  if (problem.status === 409 && problem.body?.title === 'Stale version') {
    showError(`Someone else changed this task while you were looking at it, so "${what}" was not saved.`
      + ' The chart now shows their version; apply your change again if it still makes sense.');
    await load();
  } else {
    showError(`"${what}" was not saved: ${problem.message}`);
  }
  throw problem;
}

async function patchTask(id, changes, what) {
  const task = tasks.get(id);
  try {
    const { json } = await call('PATCH', `/tasks/${id}`, { ...changes, version: task.version });
    applySchedule(json, json);
    return json;
  } catch (problem) {
    return refused(problem, what);
  }
}

async function patchSchedule(id, changes, what) {
  const task = tasks.get(id);
  try {
    const { json } = await call('PATCH', `/tasks/${id}/schedule`, { ...changes, version: task.version });
    applySchedule(json, json);
    return json;
  } catch (problem) {
    return refused(problem, what);
  }
}

function remember(label, undo) {
  undoStack.push({ label, undo });
  if (undoStack.length > 100) undoStack.shift();
  updateUndo();
}

function updateUndo() {
  if (!undoButton) return;
  const last = undoStack[undoStack.length - 1];
  undoButton.disabled = !last;
  undoButton.textContent = last ? `Undo ${last.label}` : 'Undo';
}

async function undo() {
  const last = undoStack.pop();
  updateUndo();
  if (!last) return;
  try {
    await last.undo();
    say(`Undone: ${last.label}.`);
  } catch {
    /* refused() has said why */
  }
}

// Edits on the chart ----------------------------------------------------------------------------

async function moveTask(id, newStart) {
  const before = { ...tasks.get(id) };
  const schedule = (await call('GET', `/tasks/${id}/schedule`)).json;
  // A dragged bar gets a start-no-earlier-than constraint, as in Microsoft Project.
  await patchTask(id, { start: newStart }, `move ${before.name}`);
  remember(`move of ${before.name}`, () => (schedule.constraintType === 'AS_SOON_AS_POSSIBLE'
    ? patchSchedule(id, { clear: ['constraint'] }, `undo move of ${before.name}`)
    : patchSchedule(id, { constraintType: schedule.constraintType, constraintDate: schedule.constraintDate },
      `undo move of ${before.name}`)));
}

async function resizeTask(id, newFinish) {
  const before = { ...tasks.get(id) };
  await patchTask(id, { finish: newFinish }, `change the duration of ${before.name}`);
  remember(`duration of ${before.name}`, () => patchTask(id, { durationMinutes: before.durationMinutes },
    `undo duration of ${before.name}`));
}

async function changeProgress(id, percent) {
  const before = { ...tasks.get(id) };
  await patchTask(id, { percentComplete: percent }, `set ${before.name} to ${percent} %`);
  remember(`progress of ${before.name}`, () => patchTask(id, { percentComplete: before.percentComplete ?? 0 },
    `undo progress of ${before.name}`));
}

async function createLink(predecessorId, successorId, type) {
  const what = `link ${nameOf(predecessorId)} → ${nameOf(successorId)}`;
  let json;
  try {
    ({ json } = await call('POST', '/links', { predecessorId, successorId, type }));
  } catch (problem) {
    if (problem.body?.names) problem.detail = `${problem.body.detail}`;
    showError(`"${what}" was refused: ${problem.message}`);
    throw problem;
  }
  applySchedule(json, null);
  const link = { id: json.id, predecessorId, successorId, type, lagMinutes: json.lagMinutes ?? 0 };
  remember(what, async () => {
    try {
      const { response } = await call('DELETE', `/links/${link.id}`);
      await load();
      say(`Link removed${response.headers.get('Gantry-Moved') ? '; the schedule moved back' : ''}.`);
    } catch (problem) {
      showError(`Undo of "${what}" failed: ${problem.message}`);
      throw problem;
    }
  });
  return link;
}

const dialog = document.getElementById('gantt-task-dialog');
const taskForm = document.getElementById('gantt-task-form');
let dialogTask = null;

/** Double-click or Enter: the task's duration, constraint and deadline, saved through the API. */
async function openTask(id) {
  const task = tasks.get(id);
  if (!task || task.summary) return;
  const schedule = (await call('GET', `/tasks/${id}/schedule`)).json;
  dialogTask = { ...task, schedule };
  document.getElementById('gantt-task-title').textContent = task.name;
  document.getElementById('gantt-task-dates').textContent = `${task.start?.slice(0, 16).replace('T', ' ')} to `
    + `${task.finish?.slice(0, 16).replace('T', ' ')}; total slack ${Math.round((task.totalSlackMinutes ?? 0) / (project.minutesPerDay || 480) * 10) / 10} d`;
  taskForm.elements.duration.value = `${Math.round((task.durationMinutes / (project.minutesPerDay || 480)) * 100) / 100}d`;
  taskForm.elements.constraintType.value = schedule.constraintType;
  taskForm.elements.constraintDate.value = schedule.constraintDate ? schedule.constraintDate.slice(0, 16) : '';
  taskForm.elements.deadline.value = schedule.deadline ? schedule.deadline.slice(0, 10) : '';
  document.getElementById('gantt-task-error').hidden = true;
  const priorityField = document.getElementById('gantt-task-levelling-priority');
  if (priorityField) {
    // Owners and managers see the task's levelling priority and delay (levelling is theirs to run).
    const levelling = (await call('GET', `/tasks/${id}/levelling`)).json;
    dialogTask.levelling = levelling;
    priorityField.value = levelling.priority;
    const held = (levelling.assignmentDelays ?? [])
      .map((one) => ` ${one.resourceName} starts ${one.delay} after the task.`).join('');
    document.getElementById('gantt-task-levelling-delay').textContent = (levelling.levellingDelayMinutes > 0
      ? `Levelling delay: ${levelling.levellingDelay}.` : 'No levelling delay.') + held;
  }
  await showAssignments(id);
  for (const field of taskForm.elements) field.disabled = !canEdit && field.value !== 'cancel';
  dialog.showModal();
}

// The task's resources in the dialog (owners and managers): each row's resource and units can change; Save
// hands the work to the resource chosen and sets the units, through the assignments API.
const assignmentTable = document.getElementById('gantt-assignment-table');
let projectResources = null;

async function showAssignments(id) {
  if (!assignmentTable) return;
  if (!projectResources) {
    projectResources = (await call('GET', '/resources?size=500')).json.items;
  }
  const assignments = (await call('GET', `/tasks/${id}/assignments`)).json;
  dialogTask.assignments = assignments;
  const body = assignmentTable.tBodies[0];
  body.replaceChildren();
  assignments.forEach((assignment, index) => {
    const row = body.insertRow();
    row.dataset.assignment = String(assignment.id);
    const who = row.insertCell();
    const select = document.createElement('select');
    select.name = `assignment-resource-${index}`;
    select.setAttribute('aria-label', `Resource in place of ${assignment.resourceName}`);
    for (const resource of projectResources.filter((r) => r.kind === assignment.resourceKind)) {
      select.add(new Option(resource.name, String(resource.id), false, resource.id === assignment.resourceId));
    }
    who.append(select);
    const units = document.createElement('input');
    units.type = 'number';
    units.name = `assignment-units-${index}`;
    units.min = '0';
    units.step = 'any';
    units.size = 5;
    units.value = String(Number(assignment.units));
    units.setAttribute('aria-label', `Units % of ${assignment.resourceName}`);
    row.insertCell().append(units);
    row.insertCell().textContent = `${Math.round(assignment.workMinutes / 6) / 10} h`;
    const remove = document.createElement('input');
    remove.type = 'checkbox';
    remove.name = `assignment-remove-${index}`;
    remove.className = 'assignment-remove';
    remove.setAttribute('aria-label', `Remove ${assignment.resourceName}`);
    row.insertCell().append(remove);
  });
  assignmentTable.hidden = assignments.length === 0;
  document.getElementById('gantt-assignment-none').hidden = assignments.length > 0;
  const add = document.getElementById('gantt-assignment-add');
  add.replaceChildren(new Option('None', ''));
  const on = new Set(assignments.map((assignment) => assignment.resourceId));
  for (const resource of projectResources.filter((r) => !on.has(r.id))) {
    add.add(new Option(resource.name, String(resource.id)));
  }
  document.getElementById('gantt-assignment-add-units').value = '100';
}

/**
 * Saves the changed rows: a removed resource goes; for the others a new resource first (the move keeps units and
 * work), then new units; then the resource added, if any. Each step is one call of the assignments API, which
 * applies the task type (and on an effort-driven task shares the work), so the rows are read again after one.
 */
async function saveAssignments(id, before) {
  if (!assignmentTable || !before.assignments) return false;
  let changed = false;
  const current = async (assignment) => (await call('GET', `/tasks/${id}/assignments`)).json
    .find((a) => a.id === assignment.id) ?? assignment;
  for (const row of assignmentTable.tBodies[0].rows) {
    const assignment = before.assignments.find((a) => String(a.id) === row.dataset.assignment);
    if (!assignment) continue;
    // What the person changed is judged against the dialog as it opened; but an earlier removal on an
    // effort-driven task handed this row more work, so its version is read again.
    let version = changed ? (await current(assignment)).version : assignment.version;
    if (row.querySelector('.assignment-remove').checked) {
      await call('DELETE', `/tasks/${id}/assignments/${assignment.id}?version=${version}`);
      changed = true;
      continue;
    }
    const resourceId = Number(row.querySelector('select').value);
    if (resourceId && resourceId !== assignment.resourceId) {
      const { json } = await call('POST', `/tasks/${id}/assignments/${assignment.id}/move`, { resourceId, version });
      version = json.version;
      changed = true;
    }
    const units = row.querySelector('input').value.trim();
    if (units !== '' && Number(units) !== Number(assignment.units)) {
      await call('PATCH', `/tasks/${id}/assignments/${assignment.id}`, { units: Number(units), version });
      changed = true;
    }
  }
  const added = document.getElementById('gantt-assignment-add').value;
  if (added) {
    const units = document.getElementById('gantt-assignment-add-units').value.trim();
    await call('POST', `/tasks/${id}/assignments`, { resourceId: Number(added), units: units === '' ? 100 : Number(units) });
    changed = true;
  }
  return changed;
}

taskForm?.addEventListener('submit', async (event) => {
  if (event.submitter?.value !== 'save' || !dialogTask) return;
  event.preventDefault();
  const id = dialogTask.id;
  const before = dialogTask;
  const fail = (problem) => {
    const box = document.getElementById('gantt-task-error');
    box.textContent = problem.message;
    box.hidden = false;
  };
  // A live update may have brought someone else's version of the task while the dialog was open: the
  // dialog shows the old values, so saving them would overwrite that change unseen.
  if (tasks.get(id)?.version !== before.version) {
    fail(new Error('Someone else changed this task while this dialog was open, so nothing was saved.'
      + ' Cancel and open the task again to see their version.'));
    return;
  }
  try {
    const duration = taskForm.elements.duration.value.trim();
    const days = `${Math.round((before.durationMinutes / (project.minutesPerDay || 480)) * 100) / 100}d`;
    if (duration && duration !== days) {
      await patchTask(id, { duration }, `change the duration of ${before.name}`);
    }
    const type = taskForm.elements.constraintType.value;
    const date = taskForm.elements.constraintDate.value;
    const deadline = taskForm.elements.deadline.value;
    const changes = { clear: [] };
    if (type === 'AS_SOON_AS_POSSIBLE') changes.clear.push('constraint');
    else {
      changes.constraintType = type;
      if (date) changes.constraintDate = date;
    }
    if (deadline) changes.deadline = `${deadline}T${project.calendar.workdayFinish || '17:00'}`;
    else changes.clear.push('deadline');
    await patchSchedule(id, changes, `schedule ${before.name}`);
    if (await saveAssignments(id, before)) {
      await load();
      say(`Resources of ${before.name} saved.`);
    }
    const priorityField = document.getElementById('gantt-task-levelling-priority');
    if (priorityField && before.levelling && priorityField.value.trim() !== ''
      && String(before.levelling.priority) !== priorityField.value.trim()) {
      const { json } = await call('GET', `/tasks/${id}/levelling`);
      await call('PATCH', `/tasks/${id}/levelling`, { priority: Number(priorityField.value), version: json.version });
      await load();
    }
    remember(`schedule of ${before.name}`, async () => {
      const previous = before.schedule;
      const undoChanges = { clear: [] };
      if (previous.constraintType === 'AS_SOON_AS_POSSIBLE') undoChanges.clear.push('constraint');
      else Object.assign(undoChanges, { constraintType: previous.constraintType, constraintDate: previous.constraintDate });
      if (previous.deadline) undoChanges.deadline = previous.deadline;
      else undoChanges.clear.push('deadline');
      await patchSchedule(id, undoChanges, `undo schedule of ${before.name}`);
      if (tasks.get(id).durationMinutes !== before.durationMinutes) {
        await patchTask(id, { durationMinutes: before.durationMinutes }, `undo duration of ${before.name}`);
      }
    });
    dialog.close();
  } catch (problem) {
    fail(problem);
  }
});

document.getElementById('gantt-set-status-date')?.addEventListener('click', async () => {
  const value = document.getElementById('gantt-status-date').value;
  try {
    await call('PUT', '/status-date', {
      statusDate: value ? `${value}T${project.calendar.workdayFinish || '17:00'}` : null, version: project.version,
    });
    await load();
    say(value ? `Status date set to ${value}.` : 'Status date cleared.');
  } catch (problem) {
    showError(`The status date was not set: ${problem.message}`);
  }
});

// Loading and the toolbar -------------------------------------------------------------------------

async function load() {
  const slot = baselineChoice.value;
  const started = performance.now();
  // Over-allocations (someone on the task has more work than capacity while it runs) come beside the
  // schedule, in parallel; without them the chart still stands.
  const [{ json }, over] = await Promise.all([
    call('GET', `/gantt${slot === '' ? '' : `?baseline=${slot}`}`),
    call('GET', '/overallocations').then((reply) => reply.json).catch(() => []),
  ]);
  const overallocated = new Map(over.map((entry) => [entry.taskId, entry.resources]));
  for (const task of json.tasks) task.overallocated = overallocated.get(task.id) ?? null;
  project = json.project;
  const statusDate = document.getElementById('gantt-status-date');
  if (statusDate && document.activeElement !== statusDate) statusDate.value = project.statusDate?.slice(0, 10) ?? '';
  tasks.clear();
  for (const task of json.tasks) tasks.set(task.id, task);
  if (!gantt) {
    host.textContent = '';
    const editable = canEdit && project.canEdit;
    gantt = createGantt(host, {
      data: json,
      columns,
      zoom: document.getElementById('gantt-zoom').value,
      showBaseline: slot !== '',
      label: `Schedule of ${project.name}`,
      ...(editable ? {
        onMoveTask: moveTask, onResizeTask: resizeTask, onProgressChange: changeProgress, onCreateLink: createLink,
      } : {}),
      onOpenTask: openTask,
      onSelect: (id) => { selectedTask = id; },
    });
    // For scripts/gantt-measure.sh: when the first full frame of the chart was painted.
    const measured = { chart: gantt, fetchStartedMs: started, createdMs: performance.now() };
    window.gantryGantt = measured;
    requestAnimationFrame(() => requestAnimationFrame(() => { measured.paintedMs = performance.now(); }));
  } else {
    gantt.setData(json);
    gantt.showBaseline(slot !== '');
  }
  host.setAttribute('aria-busy', 'false');
  document.dispatchEvent(new CustomEvent('gantt:loaded', { detail: { tasks: json.tasks.length } }));
}

function columnChooser() {
  const fieldset = document.getElementById('gantt-column-choice');
  for (const [column, title] of COLUMNS) {
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.value = column;
    box.checked = columns.includes(column);
    box.disabled = column === 'name';
    label.append(box, ` ${title}`);
    fieldset.append(label);
  }
  fieldset.addEventListener('change', () => {
    columns = [...fieldset.querySelectorAll('input:checked')].map((box) => box.value);
    localStorage.setItem(STORED_COLUMNS, JSON.stringify(columns));
    gantt?.setColumns(columns);
  });
}

async function baselineSlots() {
  const { json } = await call('GET', '/baselines');
  const chosen = baselineChoice.value;
  baselineChoice.length = 1;
  for (const slot of json) {
    const option = new Option(`${slot.name}${slot.tasks ? ` (${slot.tasks} tasks)` : ' (empty)'}`, String(slot.slot));
    baselineChoice.add(option);
  }
  baselineChoice.value = chosen;
}

async function setBaseline() {
  const slot = baselineChoice.value === '' ? '0' : baselineChoice.value;
  const onlySelected = document.getElementById('gantt-baseline-selected')?.checked && selectedTask != null;
  try {
    const { json } = await call('POST', `/baselines/${slot}`, onlySelected ? { taskIds: [selectedTask] } : {});
    baselineChoice.value = slot;
    await baselineSlots();
    await load();
    say(`${json.name} set for ${json.tasks} task${json.tasks === 1 ? '' : 's'}.`);
  } catch (problem) {
    showError(`The baseline was not set: ${problem.message}`);
  }
}

async function clearBaseline() {
  const slot = baselineChoice.value;
  if (slot === '') {
    showError('Choose the baseline to clear first.');
    return;
  }
  try {
    await call('DELETE', `/baselines/${slot}`);
    await baselineSlots();
    await load();
    say('Baseline cleared.');
  } catch (problem) {
    showError(`The baseline was not cleared: ${problem.message}`);
  }
}

async function exportPng() {
  const blob = await gantt.exportPng();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `${key}-gantt.png`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  say('PNG of the visible part of the chart saved.');
}

document.getElementById('gantt-zoom').addEventListener('change', (event) => gantt?.setZoom(event.target.value));
document.getElementById('gantt-expand').addEventListener('click', () => gantt?.expandAll());
document.getElementById('gantt-collapse').addEventListener('click', () => gantt?.collapseAll());
baselineChoice.addEventListener('change', () => load());
document.getElementById('gantt-png').addEventListener('click', exportPng);
document.getElementById('gantt-print').addEventListener('click', () => window.print());
if (canManage) {
  document.getElementById('gantt-set-baseline')?.addEventListener('click', setBaseline);
  document.getElementById('gantt-clear-baseline')?.addEventListener('click', clearBaseline);
}
if (undoButton) {
  undoButton.addEventListener('click', undo);
  document.addEventListener('keydown', (event) => {
    const typing = event.target.closest?.('input, select, textarea, [contenteditable]');
    if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'z' && !typing) {
      event.preventDefault();
      undo();
    }
  });
}

const newTask = document.getElementById('gantt-new-task');
newTask?.addEventListener('submit', async (event) => {
  event.preventDefault();
  const name = newTask.elements.name.value.trim();
  const duration = newTask.elements.duration.value.trim() || '1d';
  try {
    const { json } = await call('POST', '/tasks', { name, duration });
    await load();
    gantt.select(json.id);
    gantt.scrollToTask(json.id);
    newTask.elements.name.value = '';
    say(`Added ${json.name}, ${json.start ? `starting ${json.start.slice(0, 10)}` : 'unscheduled'}.`);
    remember(`new task ${json.name}`, async () => {
      const current = tasks.get(json.id);
      await call('DELETE', `/tasks/${json.id}?version=${current?.version ?? json.version}`);
      await load();
    });
  } catch (problem) {
    showError(`The task was not added: ${problem.message}`);
  }
});

// Someone else changed the project: refetch the schedule and show it in place (scroll, selection,
// collapsed rows and columns stay; the tasks that moved are highlighted as after one's own edit). Waits
// while a bar is being dragged or an edit of this page is on its way.
let ownEdits = 0;
async function liveReload() {
  const before = new Map([...tasks.values()].map((task) => [task.id, `${task.start}|${task.finish}|${task.version}|${task.name}`]));
  await load();
  const changed = [...tasks.values()].filter((task) => before.get(task.id) !== `${task.start}|${task.finish}|${task.version}|${task.name}`);
  if (changed.length && changed.length <= 500) gantt.updateTasks(changed.map((task) => ({ id: task.id })));
  document.dispatchEvent(new CustomEvent('gantt:live-updated', { detail: { changed: changed.length } }));
  loadForecasts();
  loadReleases();
}

// Milestone forecasts from the sprints linked to them (GET /milestones). Fetched after the chart is
// drawn, never before: the chart must not wait for them, and they arrive as markers in a layer of
// their own (gantt.setForecasts), so the bars, and a handle the pointer rests on, are not redrawn.
// Again after every live update (a sprint's dates may have changed); a failure only leaves them out.
let forecastsAsked = 0;
async function loadForecasts() {
  const asked = ++forecastsAsked;
  try {
    const { json } = await call('GET', '/milestones');
    if (asked !== forecastsAsked || !gantt) return;
    gantt.setForecasts(json.map((milestone) => ({ taskId: milestone.taskId, forecast: milestone.forecast })));
    host.dataset.forecasts = String(json.filter((milestone) => milestone.forecast).length);
  } catch {
    /* the chart stands without them */
  }
}
// Releases linked to milestones (GET /releases): a flag on each such milestone whose title and tooltip list
// the releases and their deployments. Like the forecasts, fetched after the chart is drawn and again after
// every live update (a deployment or a new link bumps the project's change number); a failure leaves them out.
let releasesAsked = 0;
async function loadReleases() {
  const asked = ++releasesAsked;
  try {
    const { json } = await call('GET', '/releases');
    if (asked !== releasesAsked || !gantt) return;
    const byMilestone = new Map();
    for (const release of json) {
      if (release.milestoneTaskId == null) continue;
      const entry = byMilestone.get(release.milestoneTaskId) ?? { taskId: release.milestoneTaskId, lines: [], deployments: 0 };
      const where = release.deployments.length
        ? release.deployments.map((d) => `${d.environment} ${d.status}${d.at ? ` ${d.at.slice(0, 16).replace('T', ' ')}` : ''}`).join(', ')
        : 'not deployed yet';
      entry.lines.push(`Release ${release.tag}${release.name && release.name !== release.tag ? ` “${release.name}”` : ''} (${release.repository}): ${where}`);
      entry.deployments += release.deployments.length;
      byMilestone.set(release.milestoneTaskId, entry);
    }
    gantt.setReleases([...byMilestone.values()]);
    host.dataset.releases = String(byMilestone.size);
  } catch {
    /* the chart stands without them */
  }
}
// Levelling ----------------------------------------------------------------------------------------
// "Level resources" opens a dialog with Microsoft Project's options; Preview asks the server what levelling
// would do (nothing is stored), Apply stores it with the schedule version the preview was computed at (a
// plan changed since is refused), and the page's Undo takes an applied levelling back.

const levelDialog = document.getElementById('gantt-level-dialog');
let levelPreview = null;

function levelOptions() {
  const form = document.getElementById('gantt-level-form');
  const options = {
    mode: form.elements.mode.value,
    order: form.elements.order.value,
    withinSlack: form.elements.withinSlack.checked,
    adjustAssignments: form.elements.adjustAssignments.checked,
  };
  if (form.elements.selection.checked && selectedTask != null) options.taskIds = [selectedTask];
  return options;
}

function levelError(text) {
  const box = document.getElementById('gantt-level-error');
  box.textContent = text;
  box.hidden = !text;
}

function when(value) {
  return value ? value.slice(0, 16).replace('T', ' ') : '–';
}

function workingDays(minutes) {
  const perDay = project?.minutesPerDay || 480;
  const days = Math.round((minutes / perDay) * 100) / 100;
  return `${days > 0 ? '+' : ''}${days} d`;
}

function cell(row, text, header = false) {
  const element = document.createElement(header ? 'th' : 'td');
  if (header) element.scope = 'row';
  element.textContent = text;
  row.append(element);
}

function showPreview(preview) {
  const result = document.getElementById('gantt-level-result');
  result.textContent = '';
  const summary = document.createElement('p');
  summary.id = 'gantt-level-summary';
  summary.textContent = `Finish now ${when(preview.finishBefore)}; after levelling ${when(preview.finishAfter)}`
    + ` (${workingDays(preview.finishShiftMinutes)}). As Microsoft Project levels: ${when(preview.standardFinish)};`
    + ` optimising: ${when(preview.optimisingFinish)}.`;
  result.append(summary);
  if (preview.moves.length === 0) {
    const none = document.createElement('p');
    none.textContent = 'No task moves.';
    result.append(none);
  } else {
    const wrap = document.createElement('div');
    wrap.className = 'level-moves-wrap';
    wrap.tabIndex = 0;
    wrap.setAttribute('role', 'region');
    wrap.setAttribute('aria-label', 'Tasks that move');
    const table = document.createElement('table');
    table.id = 'gantt-level-moves';
    const caption = document.createElement('caption');
    caption.textContent = `${preview.moves.length} task${preview.moves.length === 1 ? '' : 's'} move`;
    table.append(caption);
    const head = table.createTHead().insertRow();
    for (const title of ['Task', 'Start now', 'Start after', 'Shift', 'Why']) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = title;
      head.append(th);
    }
    const body = table.createTBody();
    for (const move of preview.moves) {
      const row = body.insertRow();
      row.dataset.taskId = move.taskId;
      cell(row, `${move.wbs ?? ''} ${move.name}`.trim(), true);
      cell(row, when(move.startBefore));
      cell(row, when(move.startAfter));
      cell(row, workingDays(move.shiftMinutes));
      cell(row, move.reason);
    }
    wrap.append(table);
    result.append(wrap);
  }
  if (preview.unresolved.length > 0) {
    const heading = document.createElement('h3');
    heading.textContent = 'Not resolved';
    const list = document.createElement('ul');
    list.className = 'level-unresolved';
    list.id = 'gantt-level-unresolved';
    for (const left of preview.unresolved) {
      const item = document.createElement('li');
      item.textContent = `${left.name}: ${left.reason}`;
      list.append(item);
    }
    result.append(heading, list);
  }
}

async function previewLevelling() {
  levelError('');
  const options = levelOptions();
  const query = new URLSearchParams({
    mode: options.mode,
    order: options.order,
    withinSlack: options.withinSlack,
    adjustAssignments: options.adjustAssignments,
  });
  for (const id of options.taskIds ?? []) query.append('taskIds', id);
  try {
    const { json } = await call('GET', `/levelling/preview?${query}`);
    levelPreview = { options, preview: json };
    showPreview(json);
    document.getElementById('gantt-level-apply').disabled = false;
  } catch (problem) {
    levelError(`The preview could not be computed: ${problem.message}`);
  }
}

async function levelled(what, json) {
  levelDialog.close();
  await load();
  const moved = json.preview.moves.length;
  say(`${what}: ${moved} task${moved === 1 ? '' : 's'} moved; the project finishes ${when(json.preview.finishAfter)}.`);
  remember(what.toLowerCase(), async () => {
    try {
      await call('POST', `/levelling/${json.run}/undo`);
      await load();
    } catch (problem) {
      showError(`${what} was not undone: ${problem.message}`);
      throw problem;
    }
  });
}

async function applyLevelling() {
  if (!levelPreview) return;
  levelError('');
  try {
    const { json } = await call('POST', '/levelling', { ...levelPreview.options, version: levelPreview.preview.version });
    await levelled('Levelling', json);
  } catch (problem) {
    if (problem.status === 409) {
      levelError('The plan changed since this preview, so nothing was applied. Here is a fresh preview.');
      await previewLevelling();
      levelError('The plan changed since the previous preview, so nothing was applied. Check this one and apply again.');
    } else {
      levelError(`Levelling was not applied: ${problem.message}`);
    }
  }
}

async function clearLevelling() {
  levelError('');
  try {
    const { json: state } = await call('GET', '/levelling');
    const options = levelOptions();
    const { json } = await call('POST', '/levelling/clear', { taskIds: options.taskIds ?? [], version: state.version });
    await levelled('Clear levelling', json);
  } catch (problem) {
    levelError(`Levelling was not cleared: ${problem.message}`);
  }
}

if (levelDialog) {
  document.getElementById('gantt-level').addEventListener('click', () => {
    levelPreview = null;
    levelError('');
    document.getElementById('gantt-level-result').textContent = '';
    document.getElementById('gantt-level-apply').disabled = true;
    document.getElementById('gantt-level-selection').disabled = selectedTask == null;
    levelDialog.showModal();
  });
  document.getElementById('gantt-level-preview').addEventListener('click', previewLevelling);
  document.getElementById('gantt-level-apply').addEventListener('click', applyLevelling);
  document.getElementById('gantt-level-clear').addEventListener('click', clearLevelling);
  // Changed options make the preview shown stale: it has to be asked for again before applying.
  document.getElementById('gantt-level-form').addEventListener('change', () => {
    levelPreview = null;
    document.getElementById('gantt-level-apply').disabled = true;
  });
}

whenProjectChanges(liveReload, {
  busy: () => !gantt || ownEdits > 0 || host.querySelector('.is-dragging, .is-linking') !== null
    || host.matches('.is-dragging, .is-linking'),
});

columnChooser();
Promise.all([load().then(() => { loadForecasts(); loadReleases(); }), baselineSlots()]).catch((problem) => {
  host.setAttribute('aria-busy', 'false');
  showError(`The schedule could not be loaded: ${problem.message}`);
});
