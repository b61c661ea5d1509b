// Console-wide behaviour: htmx for server-rendered fragments, and the theme switch.
import htmx from 'htmx.org';

// for scripts that insert htmx markup (search export progress)
window.htmx = htmx;

// The Content-Security-Policy allows no eval and no inline style: htmx must use neither (its
// indicator styles are in app.css; trigger filters such as keyup[...] are written in scripts instead).
htmx.config.allowEval = false;
htmx.config.includeIndicatorStyles = false;

// Form validation answers (422) carry the form's error fragment: swap them in like successes.
htmx.config.responseHandling = [
  { code: '204', swap: false },
  { code: '[23]..', swap: true },
  { code: '422', swap: true },
  { code: '[45]..', swap: false, error: true },
];

const THEME_KEY = 'vigil-theme';

function toggleTheme() {
  const root = document.documentElement;
  const next = root.dataset.theme === 'light' ? 'dark' : 'light';
  root.dataset.theme = next;
  // charts draw with the theme's colours: they redraw on this
  document.dispatchEvent(new CustomEvent('vigil:theme', { detail: next }));
  try {
    localStorage.setItem(THEME_KEY, next);
  } catch (e) {
    // private browsing: the choice lasts for this page only
  }
}

document.addEventListener('DOMContentLoaded', () => {
  document.getElementById('theme-toggle')?.addEventListener('click', toggleTheme);
});

// File upload (Admin → Upload files): show how much of the file has been sent. htmx reports the
// progress of the upload and then of the answer; the first "all sent" ends the upload part.
let uploadSent = false;
document.addEventListener('htmx:beforeRequest', (evt) => {
  if (evt.target.id !== 'upload-form') return;
  uploadSent = false;
  const box = document.getElementById('upload-progress');
  box.hidden = false;
  box.querySelector('progress').value = 0;
  document.getElementById('upload-progress-text').textContent = '0% sent';
});
document.addEventListener('htmx:xhr:progress', (evt) => {
  if (evt.target.id !== 'upload-form' || uploadSent || !evt.detail.lengthComputable) return;
  const percent = Math.floor((evt.detail.loaded * 100) / evt.detail.total);
  document.querySelector('#upload-progress progress').value = percent;
  const text = document.getElementById('upload-progress-text');
  if (evt.detail.loaded >= evt.detail.total) {
    uploadSent = true;
    text.textContent = 'Sent; reading the events…';
  } else {
    text.textContent = `${percent}% sent`;
  }
});
document.addEventListener('htmx:afterRequest', (evt) => {
  if (evt.target.id !== 'upload-form') return;
  document.getElementById('upload-progress-text').textContent = evt.detail.successful ? 'Done' : 'Not stored';
});
// The upload's problems (too large, store unavailable) are shown in place, like validation errors.
document.addEventListener('htmx:beforeSwap', (evt) => {
  if (evt.detail.target?.id === 'upload-result' && evt.detail.xhr.status >= 400) {
    evt.detail.shouldSwap = true;
    evt.detail.isError = false;
  }
});
import './times.js';
import './grid.js';
import './flyout.js';
import './charts.js';
import './search.js';
import './triage.js';
import './board.js';
// the rule editor (CodeMirror) is loaded only on the pages that have one
if (document.querySelector('textarea.code-editor')) {
  import('./editor.js');
} else {
  document.addEventListener('DOMContentLoaded', () => {
    if (document.querySelector('textarea.code-editor')) import('./editor.js');
  });
}
