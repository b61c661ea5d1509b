// Search page: histogram (drag to zoom), keyboard, field-name completion and history, time presets,
// the event panel. Everything else is server-rendered; this only wires the page together.
import { chartIn, css, followSize, SERIES_COLOURS, timeBars } from './charts.js';
import { chartsInUtc } from './times.js';

const HISTORY_KEY = 'vigil-search-history';
const HISTORY_SIZE = 20;

function navigate(changes) {
  const url = new URL(window.location.href);
  for (const [key, value] of Object.entries(changes)) url.searchParams.set(key, value);
  url.searchParams.delete('open');
  window.location.assign(url.toString());
}

function drawHistogram() {
  const holder = document.getElementById('histogram');
  const data = document.getElementById('histogram-data');
  if (!holder || !data) return;
  const histogram = JSON.parse(data.textContent);
  const chart = chartIn(holder);
  chart.setOption({
    ...timeBars(histogram),
    brush: { xAxisIndex: 0, brushType: 'lineX', brushMode: 'single', throttleType: 'debounce',
      brushStyle: { color: 'rgba(90,169,255,0.25)', borderColor: css('--accent') } },
  });
  // dragging over the chart selects a range; letting go searches it
  chart.dispatchAction({ type: 'takeGlobalCursor', key: 'brush', brushOption: { brushType: 'lineX', brushMode: 'single' } });
  chart.on('brushEnd', (event) => {
    const area = event.areas && event.areas[0];
    if (!area || !area.coordRange) return;
    const [start, end] = area.coordRange;
    if (end - start < 1000) return;
    navigate({ from: new Date(Math.floor(start)).toISOString(), to: new Date(Math.ceil(end)).toISOString() });
  });
  // the chart's box changes when the event panel opens or the window resizes
  followSize(holder);
}

// A pipe's chart: bars per group (stats, top, rare), or lines over time (timechart).
function drawPipeChart() {
  const holder = document.getElementById('pipe-chart');
  const data = document.getElementById('pipe-chart-data');
  if (!holder || !data) return;
  const chartData = JSON.parse(data.textContent);
  if (!chartData) return;
  const chart = chartIn(holder);
  const overTime = chartData.kind === 'line';
  const axisLabel = { color: css('--text-muted') };
  chart.setOption({
    animation: false,
    useUTC: chartsInUtc(),
    color: SERIES_COLOURS,
    grid: { left: 56, right: 12, top: chartData.series.length > 1 ? 36 : 10, bottom: 40, containLabel: true },
    legend: chartData.series.length > 1 ? { textStyle: { color: css('--text') }, type: 'scroll' } : undefined,
    tooltip: { trigger: 'axis', renderMode: 'richText' },
    xAxis: overTime
      ? { type: 'time', axisLabel, axisLine: { lineStyle: { color: css('--border') } } }
      : { type: 'category', data: chartData.categories, axisLabel: { ...axisLabel, interval: 0, rotate: chartData.categories.length > 8 ? 30 : 0 } },
    yAxis: { type: 'value', axisLabel, splitLine: { lineStyle: { color: css('--border') } } },
    series: chartData.series.map((one, i) => ({
      name: one.name,
      type: overTime ? 'line' : 'bar',
      showSymbol: false,
      data: overTime ? one.values.map((v, n) => [Number(chartData.categories[n]), v]) : one.values,
    })),
  });
  followSize(holder);
}

function history() {
  try {
    return JSON.parse(localStorage.getItem(HISTORY_KEY) || '[]');
  } catch (e) {
    return [];
  }
}

function remember(query) {
  if (!query.trim()) return;
  const past = history().filter((q) => q !== query);
  past.unshift(query);
  try {
    localStorage.setItem(HISTORY_KEY, JSON.stringify(past.slice(0, HISTORY_SIZE)));
  } catch (e) {
    // storage full or private browsing: history is a convenience
  }
}

function setUpQueryBox() {
  const input = document.getElementById('q');
  const list = document.getElementById('q-suggestions');
  const form = document.getElementById('search-form');
  if (!input || !list || !form) return;
  let fields = null;
  let options = [];
  let active = -1;
  let mode = 'fields';

  fetch('/search/fields', { headers: { Accept: 'application/json' } })
    .then((r) => (r.ok ? r.json() : []))
    .then((names) => { fields = names; })
    .catch(() => { fields = []; });

  function close() {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }

  function show(items, kind) {
    options = items;
    mode = kind;
    active = -1;
    list.replaceChildren(...items.map((text, i) => {
      const li = document.createElement('li');
      li.id = `q-option-${i}`;
      li.setAttribute('role', 'option');
      li.textContent = text;
      li.addEventListener('mousedown', (e) => { e.preventDefault(); choose(i); });
      return li;
    }));
    list.hidden = items.length === 0;
    input.setAttribute('aria-expanded', String(items.length > 0));
  }

  function token() {
    const upTo = input.value.slice(0, input.selectionStart);
    const match = /[\w.@-]+$/.exec(upTo);
    return match && !/:/.test(match[0]) ? match[0] : null;
  }

  function suggest() {
    if (!input.value.trim()) {
      show(history().slice(0, 8), 'history');
      return;
    }
    const partial = token();
    if (!partial || !fields) {
      close();
      return;
    }
    const lower = partial.toLowerCase();
    const starts = fields.filter((f) => f.toLowerCase().startsWith(lower));
    const inside = fields.filter((f) => !f.toLowerCase().startsWith(lower) && f.toLowerCase().includes(lower));
    const found = starts.concat(inside).filter((f) => f !== partial).slice(0, 8);
    show(found, 'fields');
  }

  function choose(i) {
    const text = options[i];
    if (text === undefined) return;
    if (mode === 'history') {
      input.value = text;
    } else {
      const before = input.value.slice(0, input.selectionStart).replace(/[\w.@-]+$/, '');
      const after = input.value.slice(input.selectionStart);
      input.value = `${before}${text}:${after}`;
      const caret = before.length + text.length + 1;
      input.setSelectionRange(caret, caret);
    }
    close();
    input.focus();
  }

  function highlight(i) {
    active = (i + options.length) % options.length;
    [...list.children].forEach((li, n) => li.setAttribute('aria-selected', String(n === active)));
    input.setAttribute('aria-activedescendant', `q-option-${active}`);
  }

  input.addEventListener('input', suggest);
  input.addEventListener('focus', () => { if (!input.value.trim()) suggest(); });
  input.addEventListener('blur', () => setTimeout(close, 100));
  input.addEventListener('keydown', (e) => {
    if (list.hidden) return;
    if (e.key === 'ArrowDown') { e.preventDefault(); highlight(active + 1); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); highlight(active - 1); }
    else if ((e.key === 'Enter' || e.key === 'Tab') && active >= 0) { e.preventDefault(); choose(active); }
    else if (e.key === 'Escape') { e.preventDefault(); close(); }
  });
  form.addEventListener('submit', () => remember(input.value));
}

function setUpRangePicker() {
  const preset = document.getElementById('range-preset');
  if (!preset) return;
  preset.addEventListener('change', () => {
    if (preset.value === 'custom') {
      const details = document.querySelector('.range-custom');
      details.open = true;
      document.getElementById('range-from').focus();
      return;
    }
    document.getElementById('range-from').value = preset.value;
    document.getElementById('range-to').value = 'now';
    document.getElementById('search-form').requestSubmit();
  });
}

function setUpKeyboard() {
  document.addEventListener('keydown', (e) => {
    const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement
      || e.target instanceof HTMLSelectElement;
    if (e.key === '/' && !typing) {
      const input = document.getElementById('q');
      if (input) { e.preventDefault(); input.focus(); input.select(); }
    }
  });
}

function setUpFieldFilter() {
  const filter = document.getElementById('field-filter');
  if (!filter) return;
  filter.addEventListener('input', () => {
    const text = filter.value.toLowerCase();
    document.querySelectorAll('.field-item').forEach((item) => {
      item.hidden = !item.dataset.field.toLowerCase().includes(text);
    });
  });
}

function exportId() {
  if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
  return `x${Date.now().toString(36)}${Math.random().toString(36).slice(2, 12)}`;
}

// An export is a plain download (streamed by the server); its progress is polled beside it.
function setUpExport() {
  document.querySelectorAll('a[data-export]').forEach((link) => {
    link.addEventListener('click', (e) => {
      e.preventDefault();
      const id = exportId();
      const box = document.getElementById('export-box');
      box.innerHTML = `<div class="export-progress" hx-get="/search/export/${id}" hx-trigger="every 1s" hx-swap="outerHTML">`
        + '<progress max="100" value="0" aria-label="Export progress"></progress><span role="status">starting…</span></div>';
      window.htmx.process(box);
      window.location.href = `${link.getAttribute('href')}&id=${encodeURIComponent(id)}`;
    });
  });
}

document.addEventListener('DOMContentLoaded', () => {
  if (!document.getElementById('search-form')) return;
  setUpExport();
  drawPipeChart();
  drawHistogram();
  // charts draw with the theme's colours and the chosen time zone: they redraw when either changes
  ['vigil:theme', 'vigil:zone'].forEach((name) => document.addEventListener(name, () => {
    drawPipeChart();
    drawHistogram();
  }));
  setUpQueryBox();
  setUpRangePicker();
  setUpKeyboard();
  setUpFieldFilter();
});
