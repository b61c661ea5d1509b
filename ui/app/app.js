// Console-wide behaviour: htmx for server-rendered fragments, and the theme switch.
import htmx from 'htmx.org';

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
  try {
    localStorage.setItem(THEME_KEY, next);
  } catch (e) {
    // private browsing: the choice lasts for this page only
  }
}

document.addEventListener('DOMContentLoaded', () => {
  document.getElementById('theme-toggle')?.addEventListener('click', toggleTheme);
});
