// The list view: row selection, keyboard navigation, inline edit, outline actions, collapse and sort.
// The server renders the rows; every change posts to a page endpoint and swaps in the rows it answers.
import { confirmAction } from './confirm.js';
import { whenProjectChanges } from './live.js';

const EDITORS = {
  name: 'text',
  duration: 'text',
  start: 'date',
  finish: 'date',
  percentComplete: 'number',
  status: 'status-options',
  priority: 'priority-options',
  assignees: 'assignee-options',
};

export function initListView(grid) {
  const base = grid.dataset.base;
  const canEdit = grid.dataset.canEdit === 'true';
  const canManage = grid.dataset.canManage === 'true';
  const collapsedKey = `gantry.collapsed.${grid.dataset.project}`;
  const filters = document.getElementById('filters');
  let selectedId = null;
  let selectedColumn = 0;
  let pendingEdit = null;

  const body = () => document.getElementById('task-rows');
  const taskRows = () => [...body().querySelectorAll('tr.task-row')];
  const visibleRows = () => taskRows().filter((row) => !row.hidden);
  const rowById = (id) => document.getElementById(`task-${id}`);
  const cellsOf = (row) => [...row.querySelectorAll('td[data-field]')];
  const selectedRow = () => (selectedId ? rowById(selectedId) : null);

  function collapsed() {
    try {
      return new Set(JSON.parse(localStorage.getItem(collapsedKey) || '[]'));
    } catch {
      return new Set();
    }
  }

  function saveCollapsed(ids) {
    localStorage.setItem(collapsedKey, JSON.stringify([...ids]));
  }

  // Hides the rows under collapsed summaries; the collapsed set survives reloads (per project, per browser).
  function applyCollapse() {
    const tree = body().dataset.mode === 'tree';
    const closed = collapsed();
    let hiddenBelow = null;
    for (const row of taskRows()) {
      const level = Number(row.dataset.level);
      if (tree && hiddenBelow !== null && level > hiddenBelow) {
        row.hidden = true;
        continue;
      }
      hiddenBelow = null;
      row.hidden = false;
      const twisty = row.querySelector('.twisty');
      if (twisty) {
        const isClosed = closed.has(row.dataset.id);
        twisty.setAttribute('aria-expanded', String(!isClosed));
        row.setAttribute('aria-expanded', String(!isClosed));
        twisty.setAttribute('aria-label', `${isClosed ? 'Expand' : 'Collapse'} ${row.dataset.name}`);
        if (isClosed) {
          hiddenBelow = level;
        }
      }
    }
  }

  function setCollapsed(row, close) {
    const ids = collapsed();
    if (close) {
      ids.add(row.dataset.id);
    } else {
      ids.delete(row.dataset.id);
    }
    saveCollapsed(ids);
    applyCollapse();
  }

  function showSort() {
    const sort = body().dataset.sort || 'wbs';
    const column = sort.replace(/^-/, '');
    grid.querySelectorAll('th').forEach((th) => th.removeAttribute('aria-sort'));
    const button = grid.querySelector(`button.sort[data-sort="${column}"]`);
    if (button) {
      button.closest('th').setAttribute('aria-sort', sort.startsWith('-') ? 'descending' : 'ascending');
    }
  }

  function select(row, column = selectedColumn, focus = true) {
    if (!row) {
      return;
    }
    grid.querySelectorAll('tr.selected').forEach((r) => {
      r.classList.remove('selected');
      r.removeAttribute('aria-selected');
    });
    grid.querySelectorAll('td.active-cell').forEach((c) => {
      c.classList.remove('active-cell');
      c.tabIndex = -1;
    });
    row.classList.add('selected');
    row.setAttribute('aria-selected', 'true');
    selectedId = row.dataset.id;
    const cells = cellsOf(row);
    selectedColumn = Math.max(0, Math.min(column, cells.length - 1));
    const cell = cells[selectedColumn];
    cell.classList.add('active-cell');
    cell.tabIndex = 0;
    if (focus) {
      cell.focus({ preventScroll: false });
    }
    updateActions();
  }

  function updateActions() {
    const row = selectedRow();
    document.querySelectorAll('.actions [data-action]').forEach((button) => {
      const action = button.dataset.action;
      if (['indent', 'outdent', 'up', 'down', 'delete'].includes(action)) {
        button.disabled = !row;
      }
    });
  }

  // After each swap of the rows: restore collapse, selection and any edit the server asked for.
  function refresh() {
    grid.setAttribute('role', body().dataset.mode === 'tree' ? 'treegrid' : 'grid');
    applyCollapse();
    showSort();
    const count = taskRows().length;
    const counter = document.getElementById('row-count');
    if (counter) {
      const flat = body().dataset.mode === 'flat';
      counter.textContent = `${count} ${flat ? 'matching ' : ''}task${count === 1 ? '' : 's'}${flat ? ' (flat list: sort by WBS without a filter for the outline)' : ''}`;
    }
    const first = taskRows().find((row) => !row.hidden);
    if (first && !body().querySelector('[tabindex="0"]')) {
      cellsOf(first)[0].tabIndex = 0;
    }
    if (pendingEdit && rowById(pendingEdit)) {
      const row = rowById(pendingEdit);
      pendingEdit = null;
      select(row, 0);
      startEdit(cellsOf(row)[0]);
      return;
    }
    const row = selectedRow();
    if (row && !row.hidden) {
      const focusWasHere = grid.contains(document.activeElement) || document.activeElement === document.body;
      select(row, selectedColumn, focusWasHere && !document.activeElement.classList.contains('cell-editor'));
    } else {
      selectedId = null;
      updateActions();
    }
  }

  function filterValues() {
    return filters ? Object.fromEntries(new FormData(filters)) : {};
  }

  function post(path, values) {
    return htmx.ajax('POST', `${base}${path}`, {
      target: '#task-rows',
      swap: 'outerHTML',
      values: { ...filterValues(), ...values },
    });
  }

  function startEdit(cell) {
    if (!canEdit || !cell || cell.classList.contains('editing') || cell.closest('[aria-busy="true"]')) {
      return;
    }
    const row = cell.closest('tr');
    const field = cell.dataset.field;
    const kind = EDITORS[field];
    let editor;
    if (kind.endsWith('-options')) {
      editor = document.getElementById(kind).content.querySelector('select').cloneNode(true);
    } else {
      editor = document.createElement('input');
      editor.type = kind;
      if (kind === 'number') {
        editor.min = '0';
        editor.max = '100';
      }
    }
    const original = cell.dataset.value ?? '';
    editor.value = original;
    editor.className = 'cell-editor';
    editor.setAttribute('aria-label', `${grid.querySelectorAll('thead th')[cell.cellIndex].textContent.trim()} of ${row.dataset.name}`);
    cell.classList.add('editing');
    // The name's editor stays on the row's indentation, after the collapse toggle.
    (cell.querySelector('.name-cell') ?? cell).append(editor);
    editor.focus();
    if (editor.select && kind === 'text') {
      editor.select();
    }
    let done = false;

    const finish = (save) => {
      if (done) {
        return;
      }
      done = true;
      const value = editor.value;
      editor.remove();
      cell.classList.remove('editing');
      if (save && value !== original) {
        // The cell shows the saved value only once the server answers with the rows.
        cell.classList.add('saving');
        row.setAttribute('aria-busy', 'true');
        post(`/tasks/${row.dataset.id}/edit`, { field, value, version: row.dataset.version });
      } else {
        cell.focus();
      }
    };

    editor.addEventListener('keydown', (event) => {
      event.stopPropagation();
      if (event.key === 'Enter') {
        event.preventDefault();
        finish(true);
      } else if (event.key === 'Escape') {
        event.preventDefault();
        finish(false);
      } else if (event.key === 'Tab') {
        event.preventDefault();
        finish(true);
      }
    });
    editor.addEventListener('blur', () => finish(true));
    if (editor.tagName === 'SELECT') {
      editor.addEventListener('change', () => finish(true));
    }
  }

  async function run(action) {
    const row = selectedRow();
    const version = row?.dataset.version;
    switch (action) {
      case 'add':
        return post('/tasks', row ? { after: row.dataset.id } : {});
      case 'indent':
      case 'outdent':
        return row && post(`/tasks/${row.dataset.id}/${action}`, { version });
      case 'up':
      case 'down':
        return row && post(`/tasks/${row.dataset.id}/move`, { version, direction: action });
      case 'delete': {
        if (!row) {
          return;
        }
        const what = row.dataset.summary === 'true' ? `“${row.dataset.name}” and all its subtasks` : `“${row.dataset.name}”`;
        if (await confirmAction(`Delete ${what}? This cannot be undone.`, 'Delete')) {
          selectedId = null;
          return post(`/tasks/${row.dataset.id}/delete`, { version });
        }
        row.querySelector('td.active-cell')?.focus();
        return;
      }
      case 'expand-all':
        saveCollapsed(new Set());
        return applyCollapse();
      case 'collapse-all':
        saveCollapsed(new Set(taskRows().filter((r) => r.dataset.summary === 'true').map((r) => r.dataset.id)));
        return applyCollapse();
      default:
    }
  }

  document.querySelectorAll('[data-action]').forEach((button) => {
    button.addEventListener('click', () => run(button.dataset.action));
  });

  grid.querySelectorAll('button.sort').forEach((button) => {
    button.addEventListener('click', () => {
      const input = document.getElementById('sort');
      const column = button.dataset.sort;
      input.value = input.value === column ? `-${column}` : column;
      htmx.trigger(filters, 'change');
    });
  });

  grid.addEventListener('click', (event) => {
    const twisty = event.target.closest('.twisty');
    if (twisty) {
      const row = twisty.closest('tr');
      setCollapsed(row, twisty.getAttribute('aria-expanded') === 'true');
      select(row, 0);
      return;
    }
    if (event.target.closest('.open-detail, .cell-editor')) {
      return;
    }
    const cell = event.target.closest('td[data-field]');
    if (!cell) {
      // The WBS column selects the row without editing anything.
      const taskRow = event.target.closest('tr.task-row');
      if (taskRow) {
        select(taskRow, 0);
      }
      return;
    }
    const row = cell.closest('tr');
    select(row, cellsOf(row).indexOf(cell));
    startEdit(cell);
  });

  // Keys reach the grid from its cells, or from the page body when a swap took the focused cell away.
  document.addEventListener('keydown', (event) => {
    if (event.target !== document.body && !grid.contains(event.target)) {
      return;
    }
    const row = selectedRow();
    if (event.target.closest('.cell-editor')) {
      return;
    }
    if (!row) {
      if (['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(event.key) && visibleRows().length) {
        event.preventDefault();
        select(event.key === 'End' ? visibleRows().at(-1) : visibleRows()[0], 0);
      }
      return;
    }
    const rows = visibleRows();
    const index = rows.indexOf(row);
    const cells = cellsOf(row);
    const shiftAlt = event.altKey && event.shiftKey;
    const handled = () => event.preventDefault();
    if (shiftAlt && event.key === 'ArrowRight') {
      handled();
      run('indent');
    } else if (shiftAlt && event.key === 'ArrowLeft') {
      handled();
      run('outdent');
    } else if (shiftAlt && event.key === 'ArrowUp') {
      handled();
      run('up');
    } else if (shiftAlt && event.key === 'ArrowDown') {
      handled();
      run('down');
    } else if (event.key === 'ArrowDown') {
      handled();
      select(rows[Math.min(index + 1, rows.length - 1)]);
    } else if (event.key === 'ArrowUp') {
      handled();
      select(rows[Math.max(index - 1, 0)]);
    } else if (event.key === 'Home') {
      handled();
      select(rows[0]);
    } else if (event.key === 'End') {
      handled();
      select(rows.at(-1));
    } else if (event.key === 'ArrowRight') {
      handled();
      const twisty = row.querySelector('.twisty');
      if (selectedColumn === 0 && twisty && twisty.getAttribute('aria-expanded') === 'false') {
        setCollapsed(row, false);
      } else {
        select(row, Math.min(selectedColumn + 1, cells.length - 1));
      }
    } else if (event.key === 'ArrowLeft') {
      handled();
      const twisty = row.querySelector('.twisty');
      if (selectedColumn === 0 && twisty && twisty.getAttribute('aria-expanded') === 'true') {
        setCollapsed(row, true);
      } else {
        select(row, Math.max(selectedColumn - 1, 0));
      }
    } else if ((event.key === 'Enter' || event.key === 'F2') && canEdit) {
      handled();
      startEdit(cells[selectedColumn]);
    } else if (event.key === 'Tab' && canEdit) {
      handled();
      run(event.shiftKey ? 'outdent' : 'indent');
    } else if (event.key === 'Insert' && canEdit) {
      handled();
      run('add');
    } else if (event.key === 'Delete' && canManage) {
      handled();
      run('delete');
    } else if (event.key === ' ') {
      handled();
      row.querySelector('.open-detail')?.click();
    } else if (event.key === 'Escape') {
      handled();
      grid.querySelectorAll('tr.selected').forEach((r) => r.classList.remove('selected'));
      selectedId = null;
      updateActions();
    }
  });

  document.body.addEventListener('task-added', (event) => {
    pendingEdit = String(event.detail.id);
  });

  // Settling is synchronous (defaultSettleDelay 0 in the htmx config), so the selection is back before the next key.
  document.body.addEventListener('htmx:afterSettle', (event) => {
    if (event.detail.target?.id === 'task-rows' || !event.detail.target?.isConnected) {
      refresh();
    }
    if (event.detail.target?.id === 'drawer') {
      openDrawer();
    }
  });

  const drawer = document.getElementById('drawer');

  // The panel tells the server which fields the person touched (against the values the form was
  // loaded with), so a stale save lists exactly their unsaved changes.
  document.addEventListener('htmx:configRequest', (event) => {
    const form = event.detail.elt;
    if (form?.id !== 'task-form') {
      return;
    }
    event.detail.parameters.changed = [...touchedFields(form)].join(',');
  });

  function touchedFields(form) {
    const changed = new Set();
    for (const element of form.elements) {
      if (!element.name) {
        continue;
      }
      const touched = element.type === 'checkbox' || element.type === 'radio'
        ? element.checked !== element.defaultChecked
        : element.type === 'file'
          ? element.files?.length > 0
          : element.tagName === 'SELECT'
            ? selectTouched(element)
            : element.value !== element.defaultValue;
      if (touched) {
        changed.add(element.name);
      }
    }
    return changed;
  }

  // A single select whose options carry no 'selected' attribute shows its first option by default.
  function selectTouched(select) {
    const options = [...select.options];
    if (!select.multiple && options.length > 0 && !options.some((option) => option.defaultSelected)) {
      return select.selectedIndex !== 0;
    }
    return options.some((option) => option.selected !== option.defaultSelected);
  }

  function openDrawer() {
    drawer.classList.add('open');
    const field = drawer.querySelector('input:not([type="hidden"]):not(:disabled), textarea:not(:disabled), select:not(:disabled)');
    (field ?? drawer.querySelector('[data-action="close-drawer"]'))?.focus();
  }

  drawer.addEventListener('click', (event) => {
    if (event.target.closest('[data-action="close-drawer"]')) {
      closeDrawer();
    }
  });
  // Escape closes the panel wherever the focus is (an open cell editor or dialog takes its Escape first).
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && drawer.classList.contains('open') && !event.target.closest?.('dialog, .cell-editor')) {
      event.stopImmediatePropagation();
      closeDrawer();
    }
  }, true);

  function closeDrawer() {
    drawer.classList.remove('open');
    drawer.replaceChildren();
    selectedRow()?.querySelector('td.active-cell')?.focus();
  }

  // Someone else changed the project: fetch the rows again and put them in place of the old ones. A row
  // with an open cell editor stays exactly as it is (the node is never moved, so the editor keeps its focus
  // and what was typed; saving it against its old version shows the usual conflict if that task changed),
  // and so do the notices of this person's refused edits. The panel is not touched.
  async function liveRefresh() {
    const query = new URLSearchParams(filterValues());
    const response = await fetch(`${base}/list/rows?${query}`, {
      credentials: 'same-origin', headers: { 'HX-Request': 'true', Accept: 'text/html', 'X-Gantry-Background': '1' },
    });
    if (!response.ok || body().querySelector('[aria-busy="true"]')) {
      return;
    }
    const template = document.createElement('template');
    template.innerHTML = (await response.text()).trim();
    const fresh = template.content.querySelector('#task-rows');
    const old = body();
    if (!fresh || !old) {
      return;
    }
    const editing = old.querySelector('td.editing')?.closest('tr');
    const notices = [...old.querySelectorAll('tr.notice-row')].map((notice) => ({
      notice, after: notice.previousElementSibling?.id,
    }));
    for (const child of [...old.children]) {
      if (child !== editing) child.remove();
    }
    let beforeEditing = true;
    for (const child of [...fresh.children]) {
      if (editing && child.id === editing.id) {
        beforeEditing = false;
        continue;
      }
      if (child.classList.contains('notice-row')) continue;
      if (editing && beforeEditing) editing.before(child);
      else old.append(child);
    }
    for (const { notice, after } of notices) {
      const row = after && document.getElementById(after);
      if (row && old.contains(row)) row.after(notice);
    }
    for (const name of ['data-mode', 'data-sort']) {
      old.setAttribute(name, fresh.getAttribute(name));
    }
    window.htmx.process(old);
    refresh();
    await livePanel();
    document.dispatchEvent(new CustomEvent('list:live-updated'));
  }

  // The open task panel follows other people's changes too, without disturbing what this person does in
  // it. The task itself changed when the version the server shows differs from the panel's (this
  // person's own saves swap the new version in): the panel is loaded again in place, keeping scroll
  // and focus, unless they have touched a field of it, in which case it stays exactly as it is and says
  // that the task changed (a save then meets the usual version check). Comments and files are compared
  // section by section (which items, their text and versions), so a section this person just updated
  // (a posted comment, an upload with its status line) is left alone, and only someone else's additions
  // are swapped in, never over a comment being written.
  async function livePanel() {
    const content = drawer.querySelector('.drawer-content[data-task-id]');
    if (!drawer.classList.contains('open') || !content || drawer.querySelector('[aria-busy="true"], .htmx-request')) {
      return;
    }
    const taskUrl = `${base}/tasks/${content.dataset.taskId}`;
    const response = await fetchPanelPart(taskUrl);
    if (!drawer.contains(content) || drawer.querySelector('.htmx-request')) {
      return; // the person opened another task, closed the panel or saved meanwhile
    }
    if (response.status === 404) {
      panelNotice(content, 'Someone else deleted this task.');
      return;
    }
    if (!response.ok) {
      return;
    }
    const fresh = parseHtml(await response.text());
    const versionOf = (root) => root.querySelector('#task-form input[name="version"]')?.getAttribute('value');
    if (versionOf(fresh) !== versionOf(drawer)) {
      if ([...drawer.querySelectorAll('form')].some((form) => touchedFields(form).size > 0)) {
        panelNotice(content, 'Someone else changed this task. Your unsaved changes are kept; saving them shows what changed.');
        return;
      }
      keepingFocus(() => {
        const scroll = drawer.scrollTop;
        drawer.replaceChildren(...fresh.childNodes);
        window.htmx.process(drawer);
        drawer.scrollTop = scroll;
      });
      return;
    }
    for (const id of ['comments', 'attachments']) {
      const section = drawer.querySelector(`#${id}`);
      if (!section || section.hasAttribute('hx-trigger')) {
        continue; // not loaded yet: it will load the current state by itself
      }
      const part = await fetchPanelPart(`${taskUrl}/${id}`);
      const current = drawer.querySelector(`#${id}`);
      if (!part.ok || current !== section || drawer.querySelector('.htmx-request')) {
        continue;
      }
      const replacement = parseHtml(await part.text()).querySelector(`#${id}`);
      if (!replacement || sectionSignature(replacement) === sectionSignature(section)) {
        continue;
      }
      if ([...section.querySelectorAll('form')].some((form) => touchedFields(form).size > 0)) {
        panelNotice(content, id === 'comments'
          ? 'New comments arrived; they show when you post or cancel what you are writing.'
          : 'Someone else changed the files of this task.');
        continue;
      }
      keepingFocus(() => {
        section.replaceWith(replacement);
        window.htmx.process(replacement);
      });
    }
  }

  function fetchPanelPart(url) {
    return fetch(url, { credentials: 'same-origin', headers: { 'HX-Request': 'true', Accept: 'text/html', 'X-Gantry-Background': '1' } });
  }

  function parseHtml(html) {
    const template = document.createElement('template');
    template.innerHTML = html;
    return template.content;
  }

  /** What a comments or files section shows: its items, their text and versions (not its status lines). */
  function sectionSignature(section) {
    const items = [...section.querySelectorAll('article.comment, li.attachment')]
      .map((item) => `${item.id}|${item.className}|${item.querySelector('.comment-body')?.textContent.trim() ?? ''}`);
    const versions = [...section.querySelectorAll('input[name="version"]')].map((input) => input.getAttribute('value'));
    return JSON.stringify([items, versions]);
  }

  function keepingFocus(swap) {
    const focusedId = drawer.contains(document.activeElement) ? document.activeElement.id : null;
    swap();
    if (focusedId) document.getElementById(focusedId)?.focus({ preventScroll: true });
  }

  function panelNotice(content, text) {
    let notice = content.querySelector('.live-panel-notice');
    if (!notice) {
      notice = document.createElement('p');
      notice.className = 'message info live-panel-notice';
      notice.setAttribute('role', 'status');
      content.prepend(notice);
    }
    notice.textContent = text;
  }
  whenProjectChanges(liveRefresh, { busy: () => body()?.querySelector('[aria-busy="true"]') != null });

  refresh();

  // A link to one task (a notification's: .../list?task=12) opens that task's panel.
  const linkedTask = new URLSearchParams(window.location.search).get('task');
  if (linkedTask && /^\d+$/.test(linkedTask)) {
    htmx.ajax('GET', `${base}/tasks/${linkedTask}`, { target: '#drawer', swap: 'innerHTML' });
  }
}
