// One table behaviour for every list (<table class="grid" data-grid="name">): compact rows whose long
// values end in an ellipsis (the whole value on hover, and in the row that has focus), a sticky header,
// columns sorted and resized by the user and remembered per user (PUT /preferences/grid.<name>),
// arrow-key row navigation, and, for tables with data-selectable, row selection for bulk actions.
//
// Markup it reads: th[data-col] names a column (its key in the saved choice); th[data-nosort] is not
// sortable; th[data-sort-href] sorts on the server (a link the direction is added to, for lists paged
// there; the server reads the saved choice too), th[data-sort-first] the direction of a first click;
// td[data-sort-value] sorts by that value instead of the text; tr[data-href] or the row's first link is
// what Enter opens.

const PREFS_META = 'meta[name="vigil-preferences"]';

function preferences() {
  try {
    return JSON.parse(document.querySelector(PREFS_META)?.content || '{}');
  } catch (e) {
    return {};
  }
}

let saveTimers = {};

/** Remembers a table's choice for this user (on the server: it follows them to any browser). */
function save(key, value, now = false) {
  const meta = document.querySelector(PREFS_META);
  if (meta) {
    const all = preferences();
    all[key] = value;
    meta.content = JSON.stringify(all);
  }
  clearTimeout(saveTimers[key]);
  const write = () => fetch(`/preferences/${encodeURIComponent(key)}`, {
    method: 'PUT',
    keepalive: true, // outlives a navigation that follows
    headers: { 'Content-Type': 'application/json', 'HX-Request': 'true' },
    body: JSON.stringify(value),
  }).catch(() => { /* a preference is a convenience: the page works without it */ });
  // a drag fires many resizes: only the last one is written
  if (now) write();
  else saveTimers[key] = setTimeout(write, 400);
}

function columnKey(th) {
  return th.dataset.col || th.textContent.trim();
}

function bodyRows(table) {
  return [...table.tBodies].flatMap((body) => [...body.rows]).filter((row) => !row.hasAttribute('data-grid-skip'));
}

function sortValue(cell) {
  if (!cell) return '';
  if (cell.dataset.sortValue !== undefined) return cell.dataset.sortValue;
  const time = cell.querySelector('time[datetime]');
  return time ? time.getAttribute('datetime') : cell.textContent.trim();
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function compare(a, b) {
  const x = Number(a.replace(/,/g, ''));
  const y = Number(b.replace(/,/g, ''));
  if (a !== '' && b !== '' && !Number.isNaN(x) && !Number.isNaN(y)) return x - y;
  return collator.compare(a, b);
}

/** Sorts the rows in the page by one column; rows that must stay last (a "load more" row) stay last. */
function sortRows(table, index, direction) {
  const body = table.tBodies[0];
  if (!body) return;
  const rows = bodyRows(table);
  const sign = direction === 'descending' ? -1 : 1;
  rows.sort((r1, r2) => sign * compare(sortValue(r1.cells[index]), sortValue(r2.cells[index])));
  const tail = [...body.rows].filter((row) => row.hasAttribute('data-grid-skip'));
  body.append(...rows, ...tail);
}

function markSorted(table, th, direction) {
  table.tHead.querySelectorAll('th[aria-sort]').forEach((other) => other.removeAttribute('aria-sort'));
  if (th && direction) th.setAttribute('aria-sort', direction);
}

function setUpSorting(table, state) {
  const headers = [...table.tHead.rows[0].cells];
  headers.forEach((th, index) => {
    if (th.hasAttribute('data-nosort') || th.querySelector('input')) return;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort-button';
    button.append(...th.childNodes);
    th.append(button);
    button.addEventListener('click', () => {
      const current = th.getAttribute('aria-sort');
      const next = current ? (current === 'ascending' ? 'descending' : 'ascending')
        : (th.dataset.sortFirst || 'ascending');
      if (th.dataset.sortHref) {
        // sorted on the server, across pages: remembered now (the page is about to go), then asked for
        state.sort = { col: columnKey(th), dir: next, server: true };
        save(`grid.${table.dataset.grid}`, state, true);
        const url = new URL(th.dataset.sortHref, window.location.href);
        url.searchParams.set('dir', next === 'ascending' ? 'asc' : 'desc');
        window.location.assign(url.toString());
        return;
      }
      sortRows(table, index, next);
      markSorted(table, th, next);
      state.sort = { col: columnKey(th), dir: next };
      save(`grid.${table.dataset.grid}`, state);
    });
  });
  if (state.sort) {
    const index = headers.findIndex((th) => columnKey(th) === state.sort.col && !th.dataset.sortHref);
    if (index >= 0) {
      sortRows(table, index, state.sort.dir);
      markSorted(table, headers[index], state.sort.dir);
    }
  }
}

function fixWidths(table) {
  // once any column has a width of the user's, every column keeps the width it has now
  if (table.classList.contains('sized')) return;
  const headers = [...table.tHead.rows[0].cells];
  const widths = headers.map((th) => th.getBoundingClientRect().width);
  headers.forEach((th, i) => { th.style.width = `${Math.round(widths[i])}px`; });
  table.classList.add('sized');
}

function setUpResizing(table, state) {
  const headers = [...table.tHead.rows[0].cells];
  const widths = state.widths || {};
  if (Object.keys(widths).length) {
    fixWidths(table);
    headers.forEach((th) => {
      const width = widths[columnKey(th)];
      if (width) th.style.width = `${width}px`;
    });
  }
  headers.forEach((th) => {
    if (th.hasAttribute('data-noresize')) return;
    const handle = document.createElement('span');
    handle.className = 'col-resizer';
    handle.setAttribute('aria-hidden', 'true');
    th.append(handle);
    handle.addEventListener('click', (e) => e.stopPropagation());
    handle.addEventListener('pointerdown', (e) => {
      e.preventDefault();
      fixWidths(table);
      const startX = e.clientX;
      const startWidth = th.getBoundingClientRect().width;
      handle.setPointerCapture(e.pointerId);
      const move = (ev) => { th.style.width = `${Math.max(40, Math.round(startWidth + ev.clientX - startX))}px`; };
      const up = () => {
        handle.removeEventListener('pointermove', move);
        handle.removeEventListener('pointerup', up);
        state.widths = { ...(state.widths || {}), [columnKey(th)]: parseInt(th.style.width, 10) };
        save(`grid.${table.dataset.grid}`, state);
      };
      handle.addEventListener('pointermove', move);
      handle.addEventListener('pointerup', up);
    });
  });
}

/** Roving focus: one row is in the tab order; arrows, Home, End, PageUp and PageDown move it. */
function setUpKeyboard(table) {
  const refresh = () => {
    // one row in the tab order: the focused one, else the first the markup or a move left there
    const rows = bodyRows(table);
    const current = rows.find((row) => row === document.activeElement)
      || rows.find((row) => row.dataset.gridCurrent) || rows[0];
    rows.forEach((row) => { row.tabIndex = row === current ? 0 : -1; });
  };
  refresh();
  table.addEventListener('focusin', (e) => {
    const row = e.target.closest('tr');
    if (!row || !row.parentElement || row.parentElement.tagName !== 'TBODY') return;
    bodyRows(table).forEach((other) => {
      other.tabIndex = other === row ? 0 : -1;
      if (other === row) other.dataset.gridCurrent = 'yes';
      else delete other.dataset.gridCurrent;
    });
  });
  table.addEventListener('keydown', (e) => {
    const row = e.target.closest('tbody tr');
    if (!row || (e.target !== row && e.key !== 'Escape')) return;
    const rows = bodyRows(table);
    const at = rows.indexOf(row);
    const page = Math.max(1, Math.floor(table.parentElement.clientHeight / (row.offsetHeight || 24)) - 1);
    const moves = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: rows.length - 1, PageDown: at + page,
      PageUp: at - page };
    if (e.key in moves) {
      e.preventDefault();
      const next = rows[Math.min(rows.length - 1, Math.max(0, moves[e.key]))];
      next.focus();
      table.dispatchEvent(new CustomEvent('grid:move', { detail: next, bubbles: true }));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      open(row);
    } else if (e.key === ' ' && table.hasAttribute('data-selectable')) {
      e.preventDefault();
      const box = row.querySelector('input[type="checkbox"]');
      if (box) { box.checked = !box.checked; box.dispatchEvent(new Event('change', { bubbles: true })); }
    }
  });
  document.addEventListener('htmx:afterSettle', refresh);
}

/** What Enter (or a click on the row outside its controls) opens: the flyout, or the row's link. */
function open(row) {
  if (row.hasAttribute('hx-get')) {
    row.click();
    return;
  }
  const link = row.dataset.href ? null : row.querySelector('a[href]');
  if (row.dataset.href) window.location.assign(row.dataset.href);
  else link?.click();
}

function setUpSelection(table) {
  if (!table.hasAttribute('data-selectable')) return;
  const bar = document.querySelector(`[data-bulk-for="${table.dataset.grid}"]`);
  const all = table.tHead.querySelector('input[type="checkbox"]');
  const boxes = () => bodyRows(table).map((row) => row.querySelector('input[type="checkbox"]')).filter(Boolean);
  const update = () => {
    const chosen = boxes().filter((box) => box.checked);
    bodyRows(table).forEach((row) => row.classList.toggle('chosen', !!row.querySelector('input:checked')));
    if (all) {
      all.checked = chosen.length > 0 && chosen.length === boxes().length;
      all.indeterminate = chosen.length > 0 && !all.checked;
    }
    if (bar) {
      bar.querySelector('[data-bulk-count]').textContent = `${chosen.length} selected`;
      bar.querySelectorAll('button').forEach((button) => { button.disabled = chosen.length === 0; });
    }
  };
  all?.addEventListener('change', () => {
    boxes().forEach((box) => { box.checked = all.checked; });
    update();
  });
  table.addEventListener('change', (e) => { if (e.target.matches('tbody input[type="checkbox"]')) update(); });
  update();
}

/** The whole value of a cell cut by the ellipsis, as its title (shown on hover). */
function setUpTitles(table) {
  table.addEventListener('pointerover', (e) => {
    const cell = e.target.closest('td, th');
    if (!cell || cell.title) return;
    const clipped = cell.querySelector('.cell') || cell;
    if (clipped.scrollWidth > clipped.clientWidth + 1) cell.title = cell.textContent.trim().replace(/\s+/g, ' ');
  });
}

function setUp(table) {
  if (table.dataset.gridReady) return;
  table.dataset.gridReady = 'yes';
  const state = { ...(preferences()[`grid.${table.dataset.grid}`] || {}) };
  setUpSorting(table, state);
  setUpResizing(table, state);
  setUpKeyboard(table);
  setUpSelection(table);
  setUpTitles(table);
  table.addEventListener('click', (e) => {
    const row = e.target.closest('tbody tr');
    if (!row || row.hasAttribute('hx-get') || !row.dataset.href) return;
    if (e.target.closest('a, button, input, select, label, summary')) return;
    window.location.assign(row.dataset.href);
  });
}

export function setUpGrids(root = document) {
  root.querySelectorAll('table.grid[data-grid]').forEach(setUp);
}

document.addEventListener('DOMContentLoaded', () => setUpGrids());
// an arrow key with nothing focused goes to the page's (first) list
document.addEventListener('keydown', (e) => {
  if ((e.key !== 'ArrowDown' && e.key !== 'ArrowUp') || document.activeElement !== document.body) return;
  const first = document.querySelector('table.grid[data-grid] tbody tr[tabindex="0"]');
  if (first) {
    e.preventDefault();
    first.focus();
  }
});
document.addEventListener('htmx:afterSettle', (e) => setUpGrids(e.detail.elt || document));
