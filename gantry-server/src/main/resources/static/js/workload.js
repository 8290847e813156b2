// The workload page: a row's button shows or hides the tasks behind its numbers, and the table refreshes
// itself: on a project's tab after every change of the project (live.js), on /workload every minute (a
// person's load spans projects, so there is no single project to listen to). Background fetches say so
// (X-Gantry-Background), and rows that were open stay open.
import { whenProjectChanges } from './live.js';

const panelId = 'workload-panel';

// Dragging a task line onto another person's row hands the task's work to them: it fills and submits the
// line's own "Hand to" form (the keyboard's way to do the same), so the server's rules and answers are one.
// Dropping it on another column of its own row (the person's cells or the task lines') moves the task by
// as many days as lie between the period it starts in and that period: the line's "Move in time" form.
let dragged = null;

const DAY = 86_400_000;

function ownColumn(target) {
  const cell = target.closest?.('td[data-period-start]');
  return cell && dragged && cell.closest('tbody.workload-row') === dragged.closest('tbody.workload-row') ? cell : null;
}

function otherPerson(target) {
  const row = target.closest?.('tr.workload-person');
  return row && dragged && row.closest('tbody.workload-row') !== dragged.closest('tbody.workload-row') ? row : null;
}

// Calendar days from the start of the period holding the task's start to the start of the dropped period.
function shiftTo(line, cell) {
  const starts = [...cell.closest('tr').querySelectorAll('td[data-period-start]')].map((td) => td.dataset.periodStart);
  const taskStart = line.dataset.taskStart;
  if (!taskStart) return 0;
  let from = taskStart;
  for (const start of starts) if (start <= taskStart) from = start;
  return Math.round((Date.parse(cell.dataset.periodStart) - Date.parse(from)) / DAY);
}

function wire(panel) {
  panel.addEventListener('dragstart', (event) => {
    dragged = event.target.closest?.('tr.workload-line');
    if (dragged) event.dataTransfer.setData('text/plain', dragged.querySelector('th')?.textContent.trim() ?? '');
  });
  panel.addEventListener('dragover', (event) => {
    if (dragged && (ownColumn(event.target) || otherPerson(event.target))) event.preventDefault();
  });
  panel.addEventListener('drop', (event) => {
    if (!dragged) return;
    const cell = ownColumn(event.target);
    const person = cell ? null : otherPerson(event.target);
    if (!cell && !person) return;
    event.preventDefault();
    const line = dragged;
    dragged = null;
    if (cell) {
      const days = shiftTo(line, cell);
      const form = line.querySelector('.delay-form');
      if (!form || days === 0) return;
      form.elements.days.value = String(days);
      form.requestSubmit();
      return;
    }
    const name = person.querySelector('button.expand span:last-child')?.textContent.trim();
    const select = line.querySelector('.hand-to-form select');
    const option = [...(select?.options ?? [])].find((candidate) => candidate.textContent.trim() === name);
    if (!option) return;
    select.value = option.value;
    select.form.requestSubmit();
  });
  panel.addEventListener('click', (event) => {
    const button = event.target.closest('button.expand');
    if (!button) return;
    const open = button.getAttribute('aria-expanded') !== 'true';
    button.setAttribute('aria-expanded', String(open));
    document.getElementById(button.getAttribute('aria-controls')).hidden = !open;
  });
}

async function refresh() {
  const panel = document.getElementById(panelId);
  if (!panel) return;
  const open = [...panel.querySelectorAll('button.expand[aria-expanded=true]')].map((b) => b.getAttribute('aria-controls'));
  const focused = document.activeElement?.closest?.('button.expand')?.getAttribute('aria-controls');
  const response = await fetch(window.location.href, {
    credentials: 'same-origin',
    headers: { Accept: 'text/html', 'X-Gantry-Background': '1' },
  });
  if (!response.ok) return;
  const fresh = new DOMParser().parseFromString(await response.text(), 'text/html').getElementById(panelId);
  if (!fresh) return;
  const adopted = document.importNode(fresh, true);
  for (const id of open) {
    const button = adopted.querySelector(`button.expand[aria-controls="${id}"]`);
    if (button) {
      button.setAttribute('aria-expanded', 'true');
      adopted.querySelector(`#${CSS.escape(id)}`).hidden = false;
    }
  }
  panel.replaceWith(adopted);
  wire(adopted);
  if (focused) adopted.querySelector(`button.expand[aria-controls="${focused}"]`)?.focus();
}

const panel = document.getElementById(panelId);
if (panel) wire(panel);
if (document.getElementById('live')) {
  whenProjectChanges(refresh);
} else {
  setInterval(() => { if (!document.hidden) refresh().catch(() => {}); }, 60_000);
}
