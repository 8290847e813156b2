// The Attachments section of a task's panel: upload the chosen or dropped file to the API with a
// progress bar, then reload the section; and the preview of image attachments wherever they are listed
// (tasks, comments, RAID entries' comments). Event delegation, because htmx replaces the sections.

const csrfHeader = document.querySelector('meta[name="_csrf_header"]')?.content;
const csrfToken = document.querySelector('meta[name="_csrf"]')?.content;

function say(section, text, error = false) {
  const status = section.querySelector('#attachment-status');
  if (status) {
    status.textContent = text;
    status.classList.toggle('error', error);
    status.classList.toggle('info', !error);
  }
}

function reload(section, message) {
  const url = section.dataset.sectionUrl;
  window.htmx.ajax('GET', url, { target: '#attachments', swap: 'outerHTML' }).then(() => {
    const fresh = document.getElementById('attachments');
    if (fresh && message) {
      say(fresh, message);
    }
  });
}

function problemText(xhr) {
  try {
    const problem = JSON.parse(xhr.responseText);
    if (problem.detail) {
      return problem.detail;
    }
  } catch {
    // not JSON: fall through
  }
  return `The upload failed (${xhr.status || 'no answer'}).`;
}

function upload(section, file) {
  const max = Number(section.dataset.maxBytes || 0);
  if (max > 0 && file.size > max) {
    say(section, `${file.name} is larger than the limit of ${section.dataset.maxText} per file; it was not uploaded.`, true);
    return;
  }
  const progress = section.querySelector('#attachment-progress');
  const input = section.querySelector('#attachment-input');
  const data = new FormData();
  data.append('file', file, file.name);
  const xhr = new XMLHttpRequest();
  xhr.open('POST', section.dataset.uploadUrl);
  xhr.setRequestHeader('Accept', 'application/json');
  if (csrfHeader && csrfToken) {
    xhr.setRequestHeader(csrfHeader, csrfToken);
  }
  xhr.upload.addEventListener('progress', (event) => {
    if (event.lengthComputable && progress) {
      progress.value = Math.round((event.loaded / event.total) * 100);
    }
  });
  xhr.addEventListener('load', () => {
    if (progress) {
      progress.hidden = true;
    }
    if (input) {
      input.disabled = false;
    }
    if (xhr.status === 201) {
      reload(section, `Uploaded ${file.name}.`);
    } else {
      say(section, `${file.name} was not uploaded: ${problemText(xhr)}`, true);
    }
  });
  xhr.addEventListener('error', () => {
    if (progress) {
      progress.hidden = true;
    }
    if (input) {
      input.disabled = false;
    }
    say(section, `${file.name} was not uploaded: the connection failed.`, true);
  });
  if (progress) {
    progress.value = 0;
    progress.hidden = false;
  }
  if (input) {
    input.disabled = true;
  }
  say(section, `Uploading ${file.name}…`);
  xhr.send(data);
}

function dropZone(event) {
  return event.target instanceof Element ? event.target.closest('#attachments') : null;
}

// The preview of an image attachment: the whole image in a modal dialog (Escape or Close ends it and the
// focus goes back to the Preview button). One dialog for the page, outside the panels htmx replaces.
function preview(button) {
  let dialog = document.getElementById('attachment-preview-dialog');
  if (!dialog) {
    dialog = document.createElement('dialog');
    dialog.id = 'attachment-preview-dialog';
    dialog.className = 'attachment-preview-dialog';
    dialog.setAttribute('aria-labelledby', 'attachment-preview-title');
    const head = document.createElement('div');
    head.className = 'attachment-preview-head';
    const title = document.createElement('h2');
    title.id = 'attachment-preview-title';
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'button';
    close.textContent = 'Close';
    close.addEventListener('click', () => dialog.close());
    head.append(title, close);
    const image = document.createElement('img');
    image.id = 'attachment-preview-image';
    dialog.append(head, image);
    // A click on the backdrop (the dialog element itself, outside its content) closes it too.
    dialog.addEventListener('click', (event) => {
      if (event.target === dialog) {
        dialog.close();
      }
    });
    dialog.addEventListener('close', () => {
      if (dialog.opener?.isConnected) {
        dialog.opener.focus();
      }
    });
    document.body.append(dialog);
  }
  dialog.querySelector('#attachment-preview-title').textContent = button.dataset.name;
  const image = dialog.querySelector('#attachment-preview-image');
  image.src = button.dataset.src;
  image.alt = button.dataset.name;
  dialog.opener = button;
  dialog.showModal();
  dialog.querySelector('button').focus();
}

export function initAttachments() {
  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('[data-action="preview-attachment"]') : null;
    if (button) {
      preview(button);
    }
  });

  document.addEventListener('change', (event) => {
    const input = event.target;
    if (input instanceof HTMLInputElement && input.id === 'attachment-input' && input.files?.length) {
      const section = input.closest('#attachments');
      for (const file of Array.from(input.files)) {
        upload(section, file);
      }
    }
  });

  document.addEventListener('dragover', (event) => {
    const section = dropZone(event);
    if (section && section.querySelector('#attachment-drop') && event.dataTransfer?.types.includes('Files')) {
      event.preventDefault();
      section.querySelector('#attachment-drop').classList.add('dragging');
    }
  });

  document.addEventListener('dragleave', (event) => {
    const section = dropZone(event);
    if (section && !section.contains(event.relatedTarget)) {
      section.querySelector('#attachment-drop')?.classList.remove('dragging');
    }
  });

  document.addEventListener('drop', (event) => {
    const section = dropZone(event);
    if (!section || !section.querySelector('#attachment-drop') || !event.dataTransfer?.files.length) {
      return;
    }
    event.preventDefault();
    section.querySelector('#attachment-drop').classList.remove('dragging');
    for (const file of Array.from(event.dataTransfer.files)) {
      upload(section, file);
    }
  });
}
