// The Comments section of a task's panel: Quote, and the @ autocomplete that offers the project's
// members while one types a mention. Everything works through event delegation, because htmx replaces
// the section after each action.

let suggestionCounter = 0;

/** The "@partial" being typed right before the caret, or null. */
function mentionBeforeCaret(textarea) {
  const before = textarea.value.slice(0, textarea.selectionStart);
  const match = /(^|\s)@([^\s@]{0,60})$/.exec(before);
  return match ? { query: match[2], start: before.length - match[2].length - 1 } : null;
}

function listFor(textarea) {
  let list = document.getElementById(textarea.getAttribute('aria-controls') || '');
  if (!list) {
    suggestionCounter += 1;
    list = document.createElement('ul');
    list.id = `mention-suggestions-${suggestionCounter}`;
    list.className = 'mention-suggestions';
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', 'People to mention');
    list.hidden = true;
    textarea.insertAdjacentElement('afterend', list);
    textarea.setAttribute('aria-controls', list.id);
    textarea.setAttribute('aria-autocomplete', 'list');
  }
  return list;
}

function close(textarea) {
  const list = document.getElementById(textarea.getAttribute('aria-controls') || '');
  if (list) {
    list.hidden = true;
    list.replaceChildren();
  }
  textarea.removeAttribute('aria-activedescendant');
}

function activeIndex(list) {
  return [...list.children].findIndex((option) => option.getAttribute('aria-selected') === 'true');
}

function highlight(textarea, list, index) {
  const options = [...list.children];
  options.forEach((option, i) => option.setAttribute('aria-selected', String(i === index)));
  if (options[index]) {
    textarea.setAttribute('aria-activedescendant', options[index].id);
    options[index].scrollIntoView({ block: 'nearest' });
  }
}

function pick(textarea, option) {
  const mention = mentionBeforeCaret(textarea);
  if (!mention || !option) {
    return;
  }
  const inserted = `@${option.dataset.email} `;
  const caret = textarea.selectionStart;
  textarea.value = textarea.value.slice(0, mention.start) + inserted + textarea.value.slice(caret);
  const position = mention.start + inserted.length;
  textarea.setSelectionRange(position, position);
  close(textarea);
  textarea.focus();
}

async function suggest(textarea) {
  const mention = mentionBeforeCaret(textarea);
  const section = textarea.closest('#comments');
  if (!mention || !section) {
    close(textarea);
    return;
  }
  const project = encodeURIComponent(section.dataset.project);
  const response = await fetch(
    `/api/v1/projects/${project}/mention-candidates?q=${encodeURIComponent(mention.query)}`,
    { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  if (!response.ok || mentionBeforeCaret(textarea)?.query !== mention.query) {
    return;
  }
  const people = await response.json();
  const list = listFor(textarea);
  list.replaceChildren(...people.map((person, i) => {
    const option = document.createElement('li');
    option.id = `${list.id}-${i}`;
    option.setAttribute('role', 'option');
    option.dataset.email = person.email;
    option.textContent = `${person.name} (${person.email})`;
    option.addEventListener('mousedown', (event) => {
      event.preventDefault();
      pick(textarea, option);
    });
    return option;
  }));
  list.hidden = people.length === 0;
  if (people.length > 0) {
    highlight(textarea, list, 0);
  } else {
    textarea.removeAttribute('aria-activedescendant');
  }
}

export function initComments() {
  document.addEventListener('input', (event) => {
    if (event.target instanceof HTMLTextAreaElement && event.target.classList.contains('comment-input')) {
      suggest(event.target);
    }
  });

  document.addEventListener('keydown', (event) => {
    const textarea = event.target;
    if (!(textarea instanceof HTMLTextAreaElement) || !textarea.classList.contains('comment-input')) {
      return;
    }
    const list = document.getElementById(textarea.getAttribute('aria-controls') || '');
    if (!list || list.hidden || list.children.length === 0) {
      return;
    }
    const index = activeIndex(list);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      highlight(textarea, list, (index + step + list.children.length) % list.children.length);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      pick(textarea, list.children[Math.max(index, 0)]);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close(textarea);
    }
  }, true);

  document.addEventListener('focusout', (event) => {
    if (event.target instanceof HTMLTextAreaElement && event.target.classList.contains('comment-input')) {
      setTimeout(() => close(event.target), 150);
    }
  });

  // Quote: answer in the comment's thread, starting with its text as a Markdown quote.
  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('[data-action="quote-comment"]') : null;
    if (!button) {
      return;
    }
    const thread = document.getElementById(`thread-${button.dataset.thread}`);
    const reply = thread?.querySelector('details.reply');
    const textarea = reply?.querySelector('textarea');
    if (!reply || !textarea) {
      return;
    }
    reply.open = true;
    const quoted = button.dataset.quote.split('\n').map((line) => `> ${line}`).join('\n');
    textarea.value = `${textarea.value ? `${textarea.value}\n\n` : ''}${quoted}\n\n`;
    textarea.focus();
    textarea.setSelectionRange(textarea.value.length, textarea.value.length);
  });
}
