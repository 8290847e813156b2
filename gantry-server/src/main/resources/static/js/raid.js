// RAID log pages: the add form offers only the statuses of the chosen kind and the decision's fields only for a
// decision; when someone else changes the project, the log (or the entry's details) is refetched from this same
// address and replaced in place, the forms left as they are. Without JavaScript the forms work as they are.
import { whenProjectChanges } from './live.js';

const page = document.getElementById('raid-page');

function followKind(form) {
  const kind = form.querySelector('[data-raid-kind]');
  if (!kind) return;
  const status = form.querySelector('[data-raid-status]');
  const decision = form.querySelector('[data-raid-decision]');
  const apply = () => {
    for (const group of status.querySelectorAll('optgroup[data-kind]')) {
      const other = group.dataset.kind !== kind.value;
      group.hidden = other;
      group.disabled = other;
    }
    if (status.selectedOptions[0]?.disabled) status.value = '';
    if (decision) decision.hidden = kind.value !== 'DECISION';
  };
  kind.addEventListener('change', apply);
  apply();
}

/** Replaces the region by its current version; the focused link, if any, keeps the focus. */
function replace(id, fresh) {
  const old = document.getElementById(id);
  const next = fresh.getElementById(id);
  if (!old || !next) return null;
  const focused = old.contains(document.activeElement) ? document.activeElement : null;
  const focusHref = focused?.getAttribute('href');
  const adopted = document.importNode(next, true);
  old.replaceWith(adopted);
  if (focusHref) adopted.querySelector(`a[href="${CSS.escape(focusHref)}"]`)?.focus();
  else if (focused) adopted.focus();
  return adopted;
}

async function refresh() {
  // A background fetch says so, so the server does not hand it a message meant for the next page view.
  // An entry's page may stand at the address of a refused comment (a POST): it refetches the entry's own.
  const response = await fetch(page.dataset.refresh || window.location.href, {
    credentials: 'same-origin',
    headers: { Accept: 'text/html', 'X-Gantry-Background': '1' },
  });
  if (!response.ok) return;
  const fresh = new DOMParser().parseFromString(await response.text(), 'text/html');
  replace('raid-log', fresh);
  replace('raid-comments', fresh);
  replace('entry-file-list', fresh);
  const entry = replace('raid-entry', fresh);
  if (entry?.dataset.gone) {
    document.getElementById('edit-entry')?.remove();
    document.getElementById('delete-entry')?.remove();
    return;
  }
  const version = document.querySelector('#edit-entry-form input[name="version"]')?.value;
  if (entry && version !== undefined && entry.dataset.version !== version) {
    entry.querySelector('#entry-changed').hidden = false;
  }
}

if (page) {
  for (const form of document.querySelectorAll('#add-entry-form')) followKind(form);
  whenProjectChanges(refresh);
}
