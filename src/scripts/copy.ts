/** Copy and download buttons for citation texts; they stay hidden where JavaScript does not run. */
const announce = document.querySelector<HTMLElement>('[data-copy-status]');

/** Today as Citing Medicine writes an access date: "2026 Dec 2". */
export function citedToday(now = new Date()): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${now.getFullYear()} ${months[now.getMonth()]} ${now.getDate()}`;
}

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy], button[data-download]')) {
  button.hidden = false;
  button.addEventListener('click', async () => {
    const source = document.getElementById(button.dataset.copy ?? button.dataset.download ?? '');
    // Vancouver's "[cited ...]" is the reader's date, written in when the reference is copied.
    const text = source?.dataset.copyText?.split('{today}').join(citedToday()) ?? source?.textContent ?? '';
    if (button.dataset.download) {
      const link = Object.assign(document.createElement('a'), {
        href: URL.createObjectURL(new Blob([text], { type: button.dataset.type })),
        download: button.dataset.filename,
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
