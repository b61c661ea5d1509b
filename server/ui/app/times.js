// Times are sent in UTC as <time datetime="…">; each user picks UTC or this browser's zone (kept in
// this browser), and lists that say when something happened show "3 min ago" with the time on hover.
const ZONE_KEY = 'vigil-zone';
const BROWSER_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone || 'local';

function local() {
  try {
    return localStorage.getItem(ZONE_KEY) === 'local';
  } catch (e) {
    return false;
  }
}

function zoneName() {
  return local() ? BROWSER_ZONE : 'UTC';
}

/** 2026-12-07 04:14:13 (with .123 when the original had milliseconds), in the chosen zone. */
function absolute(date, withMillis) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', {
    timeZone: local() ? undefined : 'UTC', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  }).formatToParts(date).map((p) => [p.type, p.value]));
  const millis = withMillis ? `.${String(date.getUTCMilliseconds()).padStart(3, '0')}` : '';
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}${millis}`;
}

function relative(date) {
  const seconds = Math.round((Date.now() - date.getTime()) / 1000);
  const ahead = seconds < 0;
  const s = Math.abs(seconds);
  const [n, unit] = s < 60 ? [s, 's'] : s < 3600 ? [Math.floor(s / 60), 'min'] : s < 86400 ? [Math.floor(s / 3600), 'h']
    : [Math.floor(s / 86400), 'd'];
  return ahead ? `in ${n} ${unit}` : `${n} ${unit} ago`;
}

/** Whether charts draw their time axes in UTC (else in the browser's zone), as the user chose. */
export function chartsInUtc() {
  return !local();
}

export function showTimes(root = document) {
  root.querySelectorAll('time[datetime]').forEach((el) => {
    const date = new Date(el.getAttribute('datetime'));
    if (Number.isNaN(date.getTime())) return;
    if (el.dataset.utc === undefined) el.dataset.utc = el.textContent;
    const text = `${absolute(date, el.dataset.utc.includes('.'))}`;
    if (el.hasAttribute('data-relative')) {
      el.textContent = relative(date);
      el.title = `${text} ${zoneName()}`;
    } else {
      el.textContent = text;
      el.title = `${relative(date)} · ${zoneName()}`;
    }
  });
  root.querySelectorAll('[data-zone-label]').forEach((el) => {
    // a sortable column's name is in its sort button (grid.js): the button and the resize handle stay
    (el.querySelector('.sort-button') || el).textContent = `${el.dataset.zoneLabel} (${zoneName()})`;
  });
  const toggle = document.getElementById('zone-toggle');
  if (toggle) toggle.textContent = local() ? 'Show times in UTC' : `Show times in ${BROWSER_ZONE}`;
}

document.addEventListener('DOMContentLoaded', () => {
  showTimes();
  document.getElementById('zone-toggle')?.addEventListener('click', () => {
    try {
      localStorage.setItem(ZONE_KEY, local() ? 'utc' : 'local');
    } catch (e) {
      // private browsing: the choice lasts for this page only
    }
    showTimes();
    document.dispatchEvent(new CustomEvent('vigil:zone'));
  });
});
document.addEventListener('htmx:afterSwap', (evt) => showTimes(evt.detail.target));
