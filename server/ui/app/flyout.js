// The flyout over a list's right side (as Discover's): a row's details (an event, a finding) open in an
// <aside class="flyout"> that htmx fills, and the list underneath keeps its width. Esc or the close
// button ([data-flyout-close]) closes it and puts focus back on the row that opened it; moving through
// the rows with the keyboard (grid.js) moves the open flyout along.

function typing(target) {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement
    || target instanceof HTMLSelectElement || target?.isContentEditable;
}

function select(row) {
  document.querySelectorAll('tr.selected').forEach((r) => r.classList.remove('selected'));
  row.classList.add('selected');
}

function close() {
  const panel = document.querySelector('aside.flyout:not([hidden])');
  if (!panel) return false;
  panel.hidden = true;
  panel.replaceChildren();
  document.querySelector('tr.selected')?.focus();
  return true;
}

document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && !typing(e.target) && close()) e.preventDefault();
});
document.addEventListener('click', (e) => {
  if (e.target.closest('[data-flyout-close]')) close();
  const row = e.target.closest('tr[hx-get]');
  if (row) select(row);
});
document.addEventListener('htmx:afterSwap', (e) => {
  if (!e.detail.target.classList?.contains('flyout')) return;
  e.detail.target.hidden = false;
  // the row that opened the flyout is where Esc returns to, whether clicked or opened by keyboard
  const row = e.detail.requestConfig?.elt?.closest?.('tr');
  if (row) select(row);
});
document.addEventListener('grid:move', (e) => {
  const open = document.querySelector('aside.flyout:not([hidden])');
  if (open && e.detail.hasAttribute('hx-get')) e.detail.click();
});
