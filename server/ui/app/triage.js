// Keyboard triage in a grid with data-triage="<bulk form id>": a acknowledge, c close (with the reason
// chosen in the bulk bar), e escalate, m assign to me. They act on the selected rows, or on the current
// row when none is selected.
function setUp(table) {
  if (table.dataset.triageReady) return;
  table.dataset.triageReady = 'yes';
  const form = document.getElementById(table.dataset.triage);
  if (!form) return;
  table.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const row = e.target.closest('tbody tr');
    const button = form.querySelector(`button[data-key="${e.key}"]`);
    if (!row || e.target !== row || !button) return;
    e.preventDefault();
    const chosen = table.querySelectorAll('tbody input[type="checkbox"]:checked');
    if (chosen.length === 0) {
      const box = row.querySelector('input[type="checkbox"]');
      if (!box) return;
      box.checked = true;
      box.dispatchEvent(new Event('change', { bubbles: true }));
    }
    if (button.value === 'close') {
      const reason = form.querySelector('select[name="reason"]');
      if (!reason.value) {
        reason.focus();
        form.querySelector('#bulk-result').textContent = 'Choose why the alerts are closed, then press Close.';
        return;
      }
    }
    button.disabled = false;
    button.click();
  });
}

function setUpAll() {
  document.querySelectorAll('table[data-triage]').forEach(setUp);
}

document.addEventListener('DOMContentLoaded', setUpAll);
document.addEventListener('htmx:afterSettle', setUpAll);
