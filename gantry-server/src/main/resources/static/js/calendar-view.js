// The calendar view: drag a task bar to another day (or Alt+Left/Right) to move its start, a popover
// with the task's details on click, arrow keys between days, and filters that apply on change.
// Listeners sit on the document because a move re-renders the whole #calendar section.
import { whenProjectChanges } from './live.js';

const DAY_MS = 24 * 60 * 60 * 1000;
let drag = null;          // { id, version, offsetDays } while a bar is being dragged
let focusAfterSwap = null; // the bar to focus once the re-rendered calendar is in place

const calendar = () => document.getElementById('calendar');
const popover = document.getElementById('cal-popover');

function parseDay(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

function isoDay(utcMillis) {
  return new Date(utcMillis).toISOString().slice(0, 10);
}

function addDays(iso, days) {
  return isoDay(parseDay(iso) + days * DAY_MS);
}

function dayAt(x, y) {
  return document.elementsFromPoint(x, y).find((element) => element.classList?.contains('cal-day')) ?? null;
}

// Moves the task's start to `day`; the server keeps the working duration and answers with the calendar.
function moveTask(bar, day) {
  const section = calendar();
  if (!section || day === bar.dataset.start) {
    return;
  }
  focusAfterSwap = bar.dataset.id;
  const values = { day, version: bar.dataset.version, view: section.dataset.view, date: section.dataset.date };
  if (section.dataset.assignee) {
    values.assignee = section.dataset.assignee;
  }
  if (section.dataset.summaries === 'true') {
    values.summaries = 'true';
  }
  window.htmx.ajax('POST', `/projects/${encodeURIComponent(section.dataset.project)}/calendar/tasks/${bar.dataset.id}/move`, {
    target: '#calendar',
    swap: 'outerHTML',
    values,
  });
}

document.addEventListener('dragstart', (event) => {
  const bar = event.target.closest?.('.cal-bar[draggable="true"]');
  if (!bar) {
    return;
  }
  // Where in the bar it was grabbed: dropping that point on a day moves the start by the same amount.
  const grabbed = dayAt(event.clientX, event.clientY);
  const offsetDays = grabbed ? Math.round((parseDay(grabbed.dataset.day) - parseDay(bar.dataset.start)) / DAY_MS) : 0;
  drag = { bar, offsetDays };
  event.dataTransfer.effectAllowed = 'move';
  event.dataTransfer.setData('text/plain', bar.dataset.id);
  bar.classList.add('dragging');
  hidePopover();
});

document.addEventListener('dragover', (event) => {
  if (!drag) {
    return;
  }
  const day = dayAt(event.clientX, event.clientY);
  document.querySelectorAll('.cal-day.drop-target').forEach((cell) => cell !== day && cell.classList.remove('drop-target'));
  if (day) {
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    day.classList.add('drop-target');
  }
});

document.addEventListener('drop', (event) => {
  if (!drag) {
    return;
  }
  const day = dayAt(event.clientX, event.clientY);
  if (day) {
    event.preventDefault();
    moveTask(drag.bar, addDays(day.dataset.day, -drag.offsetDays));
  }
});

document.addEventListener('dragend', () => {
  drag?.bar.classList.remove('dragging');
  document.querySelectorAll('.cal-day.drop-target').forEach((cell) => cell.classList.remove('drop-target'));
  drag = null;
});

document.addEventListener('htmx:afterSwap', () => {
  if (focusAfterSwap) {
    const notice = document.getElementById('cal-notice');
    const bar = document.querySelector(`.cal-bar[data-id="${focusAfterSwap}"]`);
    (bar ?? notice)?.focus();
    focusAfterSwap = null;
  }
});

// ---------- Popover ----------
function showPopover(bar) {
  popover.querySelector('#cal-popover-name').textContent = `${bar.dataset.wbs} ${bar.dataset.name}`;
  popover.querySelector('[data-field="dates"]').textContent = bar.dataset.dates;
  popover.querySelector('[data-field="status"]').textContent = `${bar.dataset.status}, ${bar.dataset.percent} % complete`;
  popover.querySelector('[data-field="assignees"]').textContent = bar.dataset.assignees || 'Nobody yet';
  const open = popover.querySelector('[data-field="open"]');
  open.href = `${open.dataset.base}#task-${bar.dataset.id}`;
  popover.hidden = false;
  const box = bar.getBoundingClientRect();
  popover.style.top = `${window.scrollY + box.bottom + 6}px`;
  popover.style.left = `${Math.max(8, Math.min(window.scrollX + box.left, window.scrollX + document.documentElement.clientWidth - popover.offsetWidth - 8))}px`;
  popover.dataset.for = bar.dataset.id;
  open.focus();
}

function hidePopover(returnFocus) {
  if (!popover || popover.hidden) {
    return;
  }
  popover.hidden = true;
  if (returnFocus) {
    document.querySelector(`.cal-bar[data-id="${popover.dataset.for}"]`)?.focus();
  }
}

document.addEventListener('click', (event) => {
  const bar = event.target.closest('.cal-bar');
  if (bar) {
    showPopover(bar);
    return;
  }
  if (event.target.closest('.cal-popover-close')) {
    hidePopover(true);
  } else if (popover && !popover.hidden && !event.target.closest('#cal-popover')) {
    hidePopover(false);
  }
});

// ---------- Keyboard ----------
function focusDay(iso) {
  const cell = document.querySelector(`.cal-day[data-day="${iso}"]`);
  if (cell) {
    document.querySelectorAll('.cal-day[tabindex="0"]').forEach((other) => other.setAttribute('tabindex', '-1'));
    cell.setAttribute('tabindex', '0');
    cell.focus();
  }
}

const STEPS = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };

document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') {
    hidePopover(true);
    return;
  }
  const step = STEPS[event.key];
  if (step === undefined) {
    return;
  }
  const bar = event.target.closest?.('.cal-bar');
  if (bar && event.altKey && Math.abs(step) === 1) {
    // The keyboard's drag: move the start a day earlier or later.
    event.preventDefault();
    if (bar.dataset.movable === 'true') {
      moveTask(bar, addDays(bar.dataset.start, step));
    }
    return;
  }
  const from = bar ? bar.dataset.start : event.target.closest?.('.cal-day')?.dataset.day;
  if (from && !event.altKey) {
    event.preventDefault();
    focusDay(bar ? from : addDays(from, step));
  }
});

// Filters apply as soon as they change (the form still has a button without JavaScript).
document.addEventListener('change', (event) => {
  if (event.target.matches?.('[data-autosubmit]')) {
    event.target.form.requestSubmit();
  }
});

// The first day cell of the period (or today) is the keyboard's way into the grid.
const start = document.querySelector('.cal-day.today:not(.outside)') ?? document.querySelector('.cal-day:not(.outside)');
start?.setAttribute('tabindex', '0');

// A feed event's link names its task (?task=id): point at that bar, so the person finds it at once.
const linked = new URLSearchParams(window.location.search).get('task');
if (linked && /^\d+$/.test(linked)) {
  const bar = document.querySelector(`.cal-bar[data-id="${linked}"]`);
  bar?.classList.add('linked');
  bar?.focus();
}

// Someone else changed the project: fetch this calendar again and put its section in place of the old one
// (the same view, period and filters: the page's own address). Waits while a bar is dragged, a move is on
// its way or a task's popover is open; the focused bar or day keeps the focus.
async function liveRefresh() {
  const response = await fetch(window.location.href, { credentials: 'same-origin', headers: { Accept: 'text/html', 'X-Gantry-Background': '1' } });
  if (!response.ok || drag || focusAfterSwap || (popover && !popover.hidden)) {
    return;
  }
  const fresh = new DOMParser().parseFromString(await response.text(), 'text/html').getElementById('calendar');
  const old = calendar();
  if (!fresh || !old) {
    return;
  }
  const focused = old.contains(document.activeElement) ? document.activeElement : null;
  const focusedBar = focused?.closest('.cal-bar')?.dataset.id;
  const focusedDay = focused?.closest('.cal-day')?.dataset.day;
  const tabDay = old.querySelector('.cal-day[tabindex="0"]')?.dataset.day;
  const adopted = document.importNode(fresh, true);
  old.replaceWith(adopted);
  window.htmx.process(adopted);
  const day = adopted.querySelector(`.cal-day[data-day="${tabDay}"]`)
    ?? adopted.querySelector('.cal-day.today:not(.outside)') ?? adopted.querySelector('.cal-day:not(.outside)');
  day?.setAttribute('tabindex', '0');
  if (focusedBar) {
    adopted.querySelector(`.cal-bar[data-id="${focusedBar}"]`)?.focus();
  } else if (focusedDay) {
    focusDay(focusedDay);
  }
  document.dispatchEvent(new CustomEvent('calendar:live-updated'));
}
whenProjectChanges(liveRefresh, { busy: () => drag !== null || focusAfterSwap !== null || (popover && !popover.hidden) });
