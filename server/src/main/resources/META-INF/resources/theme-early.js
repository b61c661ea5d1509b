// Loaded before first paint (a plain, blocking script, not the bundle), so a light-theme user never
// sees a dark flash. A file rather than an inline script: the Content-Security-Policy allows no inline script.
try {
  const theme = localStorage.getItem('vigil-theme');
  if (theme) document.documentElement.dataset.theme = theme;
} catch (e) {
  // private browsing: the default theme
}
