// The Integrations pages: when the project changes (a delivery arrived, a rule was saved, an outgoing delivery was
// attempted), the lists, counts and the delivery log are refetched from the page's own address and replaced in
// place; the forms and a secret shown once stay as they are. Without JavaScript the forms work as they are.
import { whenProjectChanges } from './live.js';

const page = document.getElementById('integrations-page');
const REGIONS = ['incoming-list', 'rules-saved', 'outgoing-list', 'outgoing-summary', 'delivery-log'];

/** Replaces the region by its current version; a focused control (known by its id or label) keeps the focus. */
function replace(id, fresh) {
  const old = document.getElementById(id);
  const next = fresh.getElementById(id);
  if (!old || !next) return null;
  const focused = old.contains(document.activeElement) ? document.activeElement : null;
  const focusKey = focused?.id || focused?.getAttribute('aria-label') || focused?.getAttribute('href');
  const adopted = document.importNode(next, true);
  old.replaceWith(adopted);
  if (focusKey) {
    const again = document.getElementById(focusKey)
      ?? [...adopted.querySelectorAll('[aria-label], a[href]')].find((element) =>
        element.getAttribute('aria-label') === focusKey || element.getAttribute('href') === focusKey);
    again?.focus();
  }
  return adopted;
}

async function refresh() {
  // A background fetch says so, so the server does not hand it a message meant for the next page view.
  const response = await fetch(page.dataset.refresh, {
    credentials: 'same-origin',
    headers: { Accept: 'text/html', 'X-Gantry-Background': '1' },
  });
  if (!response.ok) return;
  const fresh = new DOMParser().parseFromString(await response.text(), 'text/html');
  const changed = document.getElementById('outgoing-webhook');
  const version = fresh.getElementById('outgoing-webhook')?.dataset.version;
  for (const id of REGIONS) replace(id, fresh);
  if (fresh.getElementById('outgoing-summary')?.dataset.gone) {
    // Deleted by someone else: nothing left to change here.
    document.getElementById('edit-webhook')?.remove();
    document.getElementById('webhook-actions')?.remove();
    page.dataset.refreshed = String(Date.now());
    return;
  }
  if (changed && version !== undefined && changed.dataset.version !== version) {
    document.getElementById('webhook-changed')?.removeAttribute('hidden');
  }
  page.dataset.refreshed = String(Date.now());
}

if (page) whenProjectChanges(refresh);
