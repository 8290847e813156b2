// The kanban board (/projects/{key}/board): cards dragged between and within columns with SortableJS, or
// moved with the keyboard (Alt+arrows on a focused card). Every move posts the card's new column and place
// with the version it was read at; the answer is the whole board re-rendered, with a notice when the move
// was refused (someone else changed the card, a blocking WIP limit), so the page always shows what is saved.
// Changes others make arrive through live.js and redraw the board unless a drag or a move is under way.
// A long list renders its first cards only (board.ShownCards); its "Show more" link redraws the board with
// more of them and keeps that in the address, which the moves and live redraws send along.
import Sortable from '/webjars/sortablejs/1.15.6/modular/sortable.esm.js';
import { whenProjectChanges } from './live.js';

let sortables = [];
let dragging = false;
let sending = false;
// Counts the boards drawn by this page's own actions (a move, "Show more"). A live refresh fetched while one of
// them was under way may be older than the board it would replace (it can be served before the move commits and
// arrive after the move's answer), so it is dropped; the next change refreshes again.
let drawn = 0;

const board = () => document.getElementById('board');

function csrfHeaders() {
  const token = document.querySelector('meta[name="_csrf"]')?.content;
  const header = document.querySelector('meta[name="_csrf_header"]')?.content;
  return token && header ? { [header]: token } : {};
}

function init() {
  sortables.forEach((sortable) => sortable.destroy());
  sortables = [];
  const root = board();
  // The keyboard moves listen from the module's start; this says the drag lists are set up too (tests wait
  // for it before pressing keys or dragging).
  if (root) root.dataset.ready = 'true';
  if (!root || root.dataset.canEdit !== 'true') return;
  for (const list of root.querySelectorAll('.cards')) {
    sortables.push(Sortable.create(list, {
      // With swimlanes a card moves between the columns of its own lane only.
      group: list.dataset.lane === undefined ? 'board' : `lane-${list.dataset.lane}`,
      draggable: '.card',
      // Mouse and touch events instead of the browser's drag and drop: the same on every browser, and a
      // drag can be scripted in tests.
      forceFallback: true,
      fallbackTolerance: 3,
      animation: 0,
      onStart: () => { dragging = true; },
      onEnd: (event) => {
        dragging = false;
        if (event.from === event.to && event.oldIndex === event.newIndex) return;
        const card = event.item;
        move(card, statusIn(card, event.from, event.to), placeAmong(card, event.from, event.to, card.previousElementSibling, card.nextElementSibling));
      },
    }));
  }
}

/**
 * The status a card takes in a list: a column may hold several statuses; a card coming from another column
 * takes the column's own (default) status, a card moved within its column keeps its own.
 */
function statusIn(card, fromList, toList) {
  return fromList.dataset.status === toList.dataset.status ? card.dataset.status : toList.dataset.status;
}

/**
 * The 1-based place among the other cards of the whole target column for a card put between two shown
 * cards (either may be missing). Filters and swimlanes hide cards, so shown places are translated through
 * each card's place in its whole column (data-position); a card taken from higher up the same column no
 * longer counts. Nothing shown around it: the top of the column.
 */
function placeAmong(card, fromList, toList, before, after) {
  const sameColumn = fromList.dataset.status === toList.dataset.status;
  const from = Number(card.dataset.position);
  const others = (neighbour) => {
    const place = Number(neighbour.dataset.position);
    return sameColumn && from < place ? place - 1 : place;
  };
  if (after?.classList.contains('card')) return others(after);
  if (before?.classList.contains('card')) return others(before) + 1;
  return 1;
}

/** Posts the move and shows the board as the server has it afterwards. */
async function move(card, status, position) {
  const root = board();
  sending = true;
  drawn += 1;
  root.setAttribute('aria-busy', 'true');
  try {
    const body = new URLSearchParams({ status, position: String(position), version: card.dataset.version });
    const response = await fetch(`/projects/${encodeURIComponent(root.dataset.project)}/board/tasks/${card.dataset.id}/move${window.location.search}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { ...csrfHeaders(), 'HX-Request': 'true', 'Content-Type': 'application/x-www-form-urlencoded' },
      body,
    });
    replace(await response.text(), card.dataset.id);
  } catch {
    const html = await currentBoard();
    if (html) replace(html, card.dataset.id);
  } finally {
    sending = false;
    board()?.removeAttribute('aria-busy');
  }
}

/** Puts the board of a fetched page in place of this one, scrolled where this one was. */
function replace(html, focusId) {
  const fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('board');
  const old = board();
  if (!fresh || !old) return;
  const scrolled = [old, ...old.querySelectorAll('.board-columns, .cards')].map((element) => [place(element), element.scrollLeft, element.scrollTop]);
  old.replaceWith(document.importNode(fresh, true));
  const root = board();
  const now = new Map([root, ...root.querySelectorAll('.board-columns, .cards')].map((element) => [place(element), element]));
  for (const [where, left, top] of scrolled) {
    const element = now.get(where);
    if (element) {
      element.scrollLeft = left;
      element.scrollTop = top;
    }
  }
  init();
  if (focusId) root.querySelector(`.card[data-id="${focusId}"]`)?.focus();
}

/** What identifies a scrolled part of the board across a redraw: a list's key, or its place among the rows of columns. */
function place(element) {
  if (element.dataset.list !== undefined) return `list ${element.dataset.list}`;
  if (element.id === 'board') return 'board';
  return `row ${[...board().querySelectorAll('.board-columns')].indexOf(element)}`;
}

function listOf(key) {
  return [...(board()?.querySelectorAll('.cards') ?? [])].find((list) => list.dataset.list === key);
}

// "Show more" under a long list: the board with more of its cards, in place; the focus goes to the first
// card that was not shown before. Without scripts (or with a modifier key) the link opens as a page.
document.addEventListener('click', async (event) => {
  const link = event.target instanceof Element ? event.target.closest('a.show-more') : null;
  if (!link || !board()?.contains(link) || sending || event.button !== 0
      || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  sending = true;
  drawn += 1;
  board().setAttribute('aria-busy', 'true');
  try {
    const response = await fetch(link.href, { credentials: 'same-origin', headers: { Accept: 'text/html', 'X-Gantry-Background': '1' } });
    if (!response.ok) throw new Error(`${response.status}`);
    const html = await response.text();
    window.history.replaceState(window.history.state, '', link.href);
    replace(html);
    const list = listOf(link.dataset.list);
    if (list) cardsOf(list)[Number(link.dataset.shown)]?.focus();
  } catch {
    window.location.assign(link.href);
  } finally {
    sending = false;
    board()?.removeAttribute('aria-busy');
  }
});

async function currentBoard() {
  const response = await fetch(window.location.href, { credentials: 'same-origin', headers: { Accept: 'text/html', 'X-Gantry-Background': '1' } });
  return response.ok ? response.text() : null;
}

/**
 * Redraws the board as the server has it now, keeping the focus on the card that has it when the answer
 * arrives (not when the fetch started: the person may have moved on to another card meanwhile). An answer
 * that arrives during a drag, or after a move or "Show more" began, is not drawn (it would end the drag, or
 * put back an older board); the change is announced again, and drawn once the person's action is done.
 */
async function refresh() {
  const before = drawn;
  const html = await currentBoard();
  if (!html) return;
  if (dragging || sending || drawn !== before) {
    setTimeout(() => document.dispatchEvent(new CustomEvent('gantry:project-changed', { detail: {} })), 250);
    return;
  }
  replace(html, document.activeElement?.closest?.('.card')?.dataset.id);
}

function cardsOf(list) {
  return [...list.querySelectorAll('.card')];
}

document.addEventListener('keydown', (event) => {
  const card = event.target instanceof Element ? event.target.closest('.card') : null;
  const root = board();
  if (!card || !root || !root.contains(card) || sending) return;
  // Left and right stay within the card's swimlane, when the board has them.
  const lists = [...(card.closest('.board-lane') || root).querySelectorAll('.cards')];
  const list = card.parentElement;
  const column = lists.indexOf(list);
  const siblings = cardsOf(list);
  const index = siblings.indexOf(card);
  const key = event.key;
  if (!['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'].includes(key)) return;
  event.preventDefault();
  if (event.altKey) {
    if (root.dataset.canEdit !== 'true') return;
    if (key === 'ArrowLeft' || key === 'ArrowRight') {
      const target = lists[column + (key === 'ArrowLeft' ? -1 : 1)];
      if (target) {
        const shown = cardsOf(target);
        move(card, target.dataset.status, placeAmong(card, list, target, shown[shown.length - 1], null));
      }
    } else if (key === 'ArrowUp' && index > 0) {
      move(card, card.dataset.status, placeAmong(card, list, list, null, siblings[index - 1]));
    } else if (key === 'ArrowDown' && index < siblings.length - 1) {
      move(card, card.dataset.status, placeAmong(card, list, list, siblings[index + 1], null));
    }
    return;
  }
  if (key === 'ArrowUp') siblings[index - 1]?.focus();
  // Below the last card a list shows: its "Show more" link, if it has one.
  if (key === 'ArrowDown') (siblings[index + 1] ?? list.parentElement.querySelector('.more-cards .show-more'))?.focus();
  if (key === 'ArrowLeft' || key === 'ArrowRight') {
    const step = key === 'ArrowLeft' ? -1 : 1;
    for (let other = column + step; other >= 0 && other < lists.length; other += step) {
      const cards = cardsOf(lists[other]);
      if (cards.length) {
        cards[Math.min(index, cards.length - 1)].focus();
        break;
      }
    }
  }
});

init();
whenProjectChanges(refresh, {
  busy: () => dragging || sending,
});
