// The Attachments section of a task's panel: upload the chosen or dropped file to the API with a
// progress bar, then reload the section. Event delegation, because htmx replaces the section.

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

export function initAttachments() {
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
