// Behaviour shared by every page: the CSRF header for htmx, confirmations, and the list view when present.
import { initListView } from './list-view.js';
import { confirmAction } from './confirm.js';
import { initComments } from './comments.js';
import { initAttachments } from './attachments.js';

const csrfHeader = document.querySelector('meta[name="_csrf_header"]')?.content;
const csrfToken = document.querySelector('meta[name="_csrf"]')?.content;

// Spring Security refuses a POST without the token, so every htmx request carries it.
document.addEventListener('htmx:configRequest', (event) => {
  if (csrfHeader && csrfToken) {
    event.detail.headers[csrfHeader] = csrfToken;
  }
});

// An expired session answers an htmx request with the login page (after a redirect): go there
// instead of swapping a login form into the middle of a table.
document.addEventListener('htmx:beforeSwap', (event) => {
  const url = event.detail.xhr?.responseURL ?? '';
  if (new URL(url, window.location.href).pathname === '/login') {
    event.detail.shouldSwap = false;
    window.location.assign('/login');
  }
});

// Forms that destroy something ask first: <form data-confirm="Revoke this token?">.
document.addEventListener('submit', async (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.dataset.confirm || form.dataset.confirmed) {
    return;
  }
  event.preventDefault();
  const submitter = event.submitter;
  if (await confirmAction(form.dataset.confirm, form.dataset.confirmLabel || 'Confirm')) {
    form.dataset.confirmed = 'true';
    form.requestSubmit(submitter);
  }
});

// Copy buttons next to one-time secrets (passwords, API tokens).
document.addEventListener('click', async (event) => {
  const button = event.target.closest('[data-copy]');
  if (!button) {
    return;
  }
  const source = document.getElementById(button.dataset.copy);
  try {
    await navigator.clipboard.writeText(source.textContent.trim());
    button.textContent = 'Copied';
  } catch {
    // Clipboard access needs a secure context; selecting the text lets the person copy it by hand.
    window.getSelection().selectAllChildren(source);
  }
});

// A field's help and error texts are read out with its control (aria-describedby), and a field marked
// invalid by the server says so (aria-invalid); also for fields swapped in by htmx.
function describeFields(root) {
  root.querySelectorAll?.('.field').forEach((field) => {
    const control = field.querySelector(':scope > input[id]:not([type="hidden"]):not([type="checkbox"]), :scope > select[id], :scope > textarea[id]');
    if (!control) {
      return;
    }
    const described = new Set((control.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean));
    for (const note of field.querySelectorAll(':scope > .field-error, :scope > .help')) {
      note.id ||= `${control.id}-${note.classList.contains('help') ? 'help' : 'error'}`;
      described.add(note.id);
    }
    if (described.size) {
      control.setAttribute('aria-describedby', [...described].join(' '));
    }
    if (field.classList.contains('invalid')) {
      control.setAttribute('aria-invalid', 'true');
    }
  });
}
describeFields(document);
document.addEventListener('htmx:afterSettle', (event) => describeFields(event.detail.elt ?? document));

const grid = document.getElementById('task-grid');
if (grid) {
  initListView(grid);
}

initComments();
initAttachments();

// Every listener above is in place: forms held by hold-until-ready.js (sent before this ran) go now.
window.gantryReady = true;
document.dispatchEvent(new Event('gantry:ready'));
