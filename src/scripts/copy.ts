/** Copy and download buttons for citation texts; they stay hidden where JavaScript does not run. */
const announce = document.querySelector<HTMLElement>('[data-copy-status]');

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy], button[data-download]')) {
  button.hidden = false;
  button.addEventListener('click', async () => {
    const source = document.getElementById(button.dataset.copy ?? button.dataset.download ?? '');
    const text = source?.textContent ?? '';
    if (button.dataset.download) {
      const link = Object.assign(document.createElement('a'), {
        href: URL.createObjectURL(new Blob([text], { type: button.dataset.type })), download: button.dataset.filename,
      });
      link.click();
      URL.revokeObjectURL(link.href);
      if (announce) announce.textContent = `Downloaded ${button.dataset.filename}`;
      return;
    }
    try {
      await navigator.clipboard.writeText(text);
      if (announce) announce.textContent = 'Copied to the clipboard';
    } catch {
      if (announce) announce.textContent = 'Could not copy: select the text and copy it by hand';
    }
  });
}

export {};
