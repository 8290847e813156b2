// The workload page: a row's button shows or hides the tasks behind its numbers, and the table refreshes
// itself: on a project's tab after every change of the project (live.js), on /workload every minute (a
// person's load spans projects, so there is no single project to listen to). Background fetches say so
// (X-Gantry-Background), and rows that were open stay open.
import { whenProjectChanges } from './live.js';

const panelId = 'workload-panel';

// Dragging a task line onto another person's row hands the task's work to them: it fills and submits the
// line's own "Hand to" form (the keyboard's way to do the same), so the server's rules and answers are one.
let dragged = null;

function wire(panel) {
  panel.addEventListener('dragstart', (event) => {
    dragged = event.target.closest?.('tr.workload-line');
    if (dragged) event.dataTransfer.setData('text/plain', dragged.querySelector('th')?.textContent.trim() ?? '');
  });
  panel.addEventListener('dragover', (event) => {
    if (dragged && event.target.closest?.('tr.workload-person')) event.preventDefault();
  });
  panel.addEventListener('drop', (event) => {
    const target = event.target.closest?.('tr.workload-person');
    if (!dragged || !target) return;
    event.preventDefault();
    const name = target.querySelector('button.expand span:last-child')?.textContent.trim();
    const select = dragged.querySelector('.hand-to-form select');
    const option = [...(select?.options ?? [])].find((candidate) => candidate.textContent.trim() === name);
    dragged = null;
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
