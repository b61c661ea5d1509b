// Console-wide behaviour: htmx for server-rendered fragments, and the theme switch.
import 'htmx.org';

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
