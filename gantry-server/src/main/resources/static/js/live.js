// Live updates of a project page. Opens the project's event stream (server-sent events), shows who else
// has the project open, and tells the page when the project changed, so it refetches what it shows from
// the endpoints it already uses and re-renders in place (the page keeps its scroll position, selection
// and any edit in progress). Events carry only the project's change number: a page that was offline asks
// for "anything after n" when it reconnects (Last-Event-ID, or ?since=), so no change is missed.
//
// Pages subscribe with whenProjectChanges(refetch, { busy }): refetch runs after a change, never twice at
// once, and waits while busy() says the person is in the middle of something (a drag, an open editor).

const root = document.getElementById('live');
let htmxRequests = 0;
document.addEventListener('htmx:beforeRequest', () => { htmxRequests += 1; });
document.addEventListener('htmx:afterRequest', () => { htmxRequests = Math.max(0, htmxRequests - 1); });

/** Runs refetch after every change of the project (coalesced; deferred while busy() or htmx is at work). */
export function whenProjectChanges(refetch, { busy = () => false } = {}) {
  let running = false;
  let again = false;
  let waiting = null;
  async function run() {
    if (busy() || htmxRequests > 0) {
      if (!waiting) {
        waiting = setTimeout(() => {
          waiting = null;
          run();
        }, 250);
      }
      return;
    }
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      await refetch();
    } catch {
      // The next change (or a reload) tries again; the page itself says when its data cannot be loaded.
    } finally {
      running = false;
      if (again) {
        again = false;
        run();
      }
    }
  }
  document.addEventListener('gantry:project-changed', run);
}

/**
 * Replaces the elements with these ids by their current version from the server (same URL). If the person
 * started something (an edit row opened) while the page was being fetched, nothing is replaced: the
 * change is announced again and applied once they are done.
 */
async function refreshRegions(ids, busy = () => false) {
  const response = await fetch(window.location.href, { credentials: 'same-origin', headers: { Accept: 'text/html', 'X-Gantry-Background': '1' } });
  if (!response.ok) return;
  const fresh = new DOMParser().parseFromString(await response.text(), 'text/html');
  if (busy() || htmxRequests > 0) {
    setTimeout(() => document.dispatchEvent(new CustomEvent('gantry:project-changed', { detail: {} })), 250);
    return;
  }
  for (const id of ids) {
    const old = document.getElementById(id);
    const next = fresh.getElementById(id);
    if (!old || !next) continue;
    const focused = old.contains(document.activeElement) ? document.activeElement : null;
    const focusKey = focused?.id || focused?.getAttribute('aria-label');
    const adopted = document.importNode(next, true);
    old.replaceWith(adopted);
    window.htmx?.process(adopted);
    if (focusKey) {
      const again = document.getElementById(focusKey)
        ?? [...adopted.querySelectorAll('[aria-label]')].find((element) => element.getAttribute('aria-label') === focusKey);
      again?.focus();
    }
  }
}

function start() {
  const key = root.dataset.project;
  const status = root.querySelector('.live-status');
  const list = root.querySelector('.live-viewers');
  let seq = root.dataset.seq === undefined || root.dataset.seq === '' ? null : Number(root.dataset.seq);
  let source = null;
  let retryMs = 1000;
  let ended = false;

  function setStatus(state) {
    root.dataset.state = state;
    status.textContent = state === 'live' ? 'Live' : 'Reconnecting…';
    status.title = state === 'live'
      ? 'Changes others make appear here without reloading.'
      : 'The live connection dropped; changes made meanwhile appear once it is back.';
  }

  function advance(number) {
    if (seq === null) {
      seq = number;
      return;
    }
    if (number !== seq) {
      seq = Math.max(seq, number);
      root.dataset.seq = String(seq);
      document.dispatchEvent(new CustomEvent('gantry:project-changed', { detail: { seq } }));
    }
  }

  function showViewers(viewers) {
    list.replaceChildren(...viewers.map((viewer) => {
      const item = document.createElement('li');
      item.className = 'live-viewer';
      item.title = viewer.you ? `${viewer.name} (you)` : viewer.name;
      const letters = document.createElement('span');
      letters.className = 'avatar';
      letters.setAttribute('aria-hidden', 'true');
      letters.textContent = viewer.initials;
      const name = document.createElement('span');
      name.className = 'visually-hidden';
      name.textContent = item.title;
      item.append(letters, name);
      return item;
    }));
    root.querySelector('.live-count').textContent = `${viewers.length} here`;
  }

  function connect() {
    const url = `/api/v1/projects/${encodeURIComponent(key)}/events${seq === null ? '' : `?since=${seq}`}`;
    source = new EventSource(url);
    source.addEventListener('hello', (event) => {
      retryMs = 1000;
      setStatus('live');
      advance(JSON.parse(event.data).seq);
    });
    source.addEventListener('changed', (event) => advance(JSON.parse(event.data).seq));
    source.addEventListener('presence', (event) => showViewers(JSON.parse(event.data).viewers));
    // Removed from the project (or the account was closed): no reconnecting; the page says so.
    source.addEventListener('revoked', (event) => {
      source.close();
      ended = true;
      root.dataset.state = 'revoked';
      status.setAttribute('role', 'status');
      status.textContent = 'No access';
      status.title = JSON.parse(event.data).reason;
      const count = root.querySelector('.live-count');
      if (count) count.textContent = '';
      list?.replaceChildren();
    });
    source.addEventListener('error', () => {
      if (ended) return;
      setStatus('reconnecting');
      // A network drop reconnects by itself (with Last-Event-ID); an answer other than a stream closes it.
      if (source.readyState === EventSource.CLOSED) {
        source.close();
        setTimeout(connect, retryMs);
        retryMs = Math.min(retryMs * 2, 30_000);
      }
    });
  }

  // Leaving the page closes the stream at once, so the others see the person leave.
  window.addEventListener('pagehide', () => source?.close());

  const regions = (root.dataset.regions || '').split(/\s+/).filter(Boolean);
  if (regions.length) {
    const busy = () => regions.some((id) => document.getElementById(id)?.querySelector('.editing, [aria-busy="true"]'));
    whenProjectChanges(() => refreshRegions(regions, busy), { busy });
  }
  connect();
}

if (root) start();
