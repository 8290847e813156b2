// A modal confirmation built on <dialog>, so it works with the keyboard and needs no window.confirm.

let dialog;

function ensureDialog() {
  if (dialog) {
    return dialog;
  }
  dialog = document.createElement('dialog');
  dialog.className = 'dialog';
  dialog.innerHTML = `
    <form method="dialog">
      <p class="confirm-text"></p>
      <div class="dialog-actions">
        <button value="cancel" type="submit">Cancel</button>
        <button value="confirm" type="submit" class="danger confirm-button">Confirm</button>
      </div>
    </form>`;
  document.body.append(dialog);
  return dialog;
}

/** Resolves true when the person confirms, false when they cancel or press Escape. */
export function confirmAction(text, label = 'Confirm') {
  const box = ensureDialog();
  box.querySelector('.confirm-text').textContent = text;
  box.querySelector('.confirm-button').textContent = label;
  box.returnValue = '';
  return new Promise((resolve) => {
    box.addEventListener('close', () => resolve(box.returnValue === 'confirm'), { once: true });
    box.showModal();
    box.querySelector('.confirm-button').focus();
  });
}
