// Risks page: "Run analysis" starts a Monte Carlo run in the background (POST .../schedule-risk/runs), shows
// its progress from polling the run, and then shows the stored run's results and the list of past runs in
// place (the page renders them for ?runId=). Without JavaScript the form still works: it runs the analysis
// while the page loads (a GET form).
const section = document.getElementById('schedule-risk');
const form = document.getElementById('analysis-form');
const POLL_MS = 250;
const LABELS = {
  iterations: 'Runs',
  distribution: 'Distribution',
  optimisticPercent: 'Optimistic %',
  pessimisticPercent: 'Pessimistic %',
  deadline: 'Deadline',
  seed: 'Seed',
};

function headers(json) {
  const result = { Accept: 'application/json' };
  const token = document.querySelector('meta[name="_csrf"]')?.content;
  const header = document.querySelector('meta[name="_csrf_header"]')?.content;
  if (token && header) result[header] = token;
  if (json) result['Content-Type'] = 'application/json';
  return result;
}

function runsUrl() {
  return `/api/v1/projects/${encodeURIComponent(section.dataset.project)}/schedule-risk/runs`;
}

/** A number when the text is one, else the text itself (the server then names the field). */
function numberOrText(value) {
  const text = value.trim().replace(',', '.');
  if (text === '') return undefined;
  const number = Number(text);
  return Number.isFinite(number) ? number : text;
}

function request() {
  const field = (name) => form.elements.namedItem(name)?.value ?? '';
  const body = {
    iterations: numberOrText(field('iterations')),
    distribution: field('distribution') || undefined,
    optimisticPercent: numberOrText(field('optimistic')),
    pessimisticPercent: numberOrText(field('pessimistic')),
    deadline: field('deadline') || undefined,
  };
  return JSON.stringify(body);
}

function showProblem(text) {
  const problem = document.getElementById('analysis-problem');
  problem.textContent = text;
  problem.hidden = !text;
}

/** A problem document in words: its field errors with the form's labels, else its detail. */
function describe(problem, status) {
  const errors = problem?.errors ?? [];
  if (errors.length > 0) {
    return errors.map((error) => `${LABELS[error.field] ?? error.field} ${error.message}`).join('; ');
  }
  return problem?.detail || problem?.title || `The server answered ${status}.`;
}

function setBusy(busy) {
  const button = document.getElementById('run-analysis');
  if (busy) button.setAttribute('aria-disabled', 'true');
  else button.removeAttribute('aria-disabled');
  document.getElementById('analysis-running').hidden = !busy;
}

function showProgress(run) {
  const bar = document.getElementById('analysis-progress-bar');
  const text = document.getElementById('analysis-progress-text');
  bar.value = run.progress;
  bar.textContent = `${run.progress} %`;
  text.textContent = run.state === 'QUEUED'
    ? 'Waiting for a free worker…'
    : `Running: ${run.progress} % (${run.completedRuns.toLocaleString('en')} of ${run.iterations.toLocaleString('en')} runs)`;
}

let following = null;

/** Polls the run until it ends; then shows its results (or why it failed). */
async function follow(id) {
  if (following === id) return;
  following = id;
  setBusy(true);
  showProblem('');
  try {
    for (;;) {
      const response = await fetch(`${runsUrl()}/${id}`, { credentials: 'same-origin', headers: headers(false) });
      const run = await response.json().catch(() => null);
      if (!response.ok) {
        showProblem(describe(run, response.status));
        return;
      }
      showProgress(run);
      if (run.state === 'DONE') {
        await showRun(id);
        return;
      }
      if (run.state === 'FAILED') {
        showProblem(`The analysis failed: ${run.error}`);
        await refreshRegions(window.location.href, ['past-runs']);
        return;
      }
      await new Promise((resolve) => { setTimeout(resolve, POLL_MS); });
    }
  } catch {
    showProblem('The server could not be reached; reload the page to see how the analysis went.');
  } finally {
    following = null;
    setBusy(false);
  }
}

/** Replaces the regions with these ids by those of the page at url. */
async function refreshRegions(url, ids) {
  const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'text/html', 'X-Gantry-Background': '1' } });
  if (!response.ok) return;
  const fresh = new DOMParser().parseFromString(await response.text(), 'text/html');
  for (const id of ids) {
    const old = document.getElementById(id);
    const next = fresh.getElementById(id);
    if (old && next) old.replaceWith(document.importNode(next, true));
  }
  const problem = fresh.getElementById('analysis-problem');
  if (problem && !problem.hidden) showProblem(problem.textContent);
}

async function showRun(id) {
  const url = new URL(window.location.href);
  url.searchParams.delete('run');
  url.searchParams.set('runId', id);
  url.hash = 'schedule-risk';
  await refreshRegions(url.toString(), ['analysis-output', 'past-runs']);
  window.history.replaceState(null, '', url.toString());
  document.getElementById('analysis-result-heading')?.focus();
}

if (section && form) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (following !== null) return;
    showProblem('');
    let response;
    try {
      response = await fetch(runsUrl(), {
        method: 'POST', credentials: 'same-origin', headers: headers(true), body: request(),
      });
    } catch {
      showProblem('The server could not be reached; try again.');
      return;
    }
    const body = await response.json().catch(() => null);
    if (response.status === 202) {
      follow(body.id);
    } else if (response.status === 409 && body?.current) {
      // One analysis at a time per project: show the one already running.
      follow(body.current.id);
    } else {
      showProblem(describe(body, response.status));
    }
  });
  if (section.dataset.activeRun) follow(Number(section.dataset.activeRun));
}
