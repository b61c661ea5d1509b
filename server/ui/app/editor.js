// The rule editor: CodeMirror 6 over the form's textarea (which stays the form field, and the page's
// fallback without scripts). YAML highlighting, line numbers, indentation (Tab indents; Esc then Tab
// leaves the editor), the server's check as inline markers, and completion of Sigma's keys, modifiers,
// levels, statuses and the field names the events hold.
//
// The editor lives in a shadow root: CodeMirror writes its styles as <style> elements in a document,
// which the Content-Security-Policy refuses, but as adopted style sheets in a shadow root, which it
// allows. The console's colours reach in as CSS custom properties, which cross the shadow boundary.
import { EditorView, basicSetup } from 'codemirror';
import { EditorState } from '@codemirror/state';
import { HighlightStyle, indentUnit, syntaxHighlighting } from '@codemirror/language';
import { tags } from '@lezer/highlight';
import { indentWithTab } from '@codemirror/commands';
import { keymap } from '@codemirror/view';
import { yaml } from '@codemirror/lang-yaml';
import { setDiagnostics, lintGutter } from '@codemirror/lint';
import { autocompletion } from '@codemirror/autocomplete';

const TOP_KEYS = ['title', 'id', 'related', 'name', 'taxonomy', 'status', 'description', 'license', 'references',
  'author', 'date', 'modified', 'tags', 'logsource', 'detection', 'fields', 'falsepositives', 'level', 'scope',
  'correlation', 'filter', 'rules', 'generate'];
const SECTION_KEYS = {
  logsource: ['product', 'category', 'service', 'definition'],
  detection: ['condition', 'selection', 'filter', 'timeframe'],
  correlation: ['type', 'rules', 'group-by', 'timespan', 'condition', 'aliases', 'generate'],
};
const MODIFIERS = ['contains', 'startswith', 'endswith', 'all', 'base64', 'base64offset', 're', 'i', 'm', 's',
  'cidr', 'windash', 'exists', 'expand', 'fieldref', 'gt', 'gte', 'lt', 'lte', 'utf16le', 'utf16be', 'utf16',
  'wide', 'cased', 'neq'];
const VALUES = {
  level: ['informational', 'low', 'medium', 'high', 'critical'],
  status: ['stable', 'test', 'experimental', 'deprecated', 'unsupported'],
  type: ['event_count', 'value_count', 'temporal', 'temporal_ordered', 'value_sum', 'value_avg',
    'value_percentile'],
};
const CONDITION_WORDS = ['and', 'or', 'not', '1 of', 'all of', 'them'];

let fieldNames = [];

function options(words, type, boost = 0) {
  return words.map((label) => ({ label, type, boost }));
}

/** The section (top-level key) a line belongs to: the nearest line above it with no indentation. */
function sectionOf(state, lineNumber) {
  for (let n = lineNumber; n >= 1; n--) {
    const text = state.doc.line(n).text;
    const match = /^([\w-]+):/.exec(text);
    if (match) return match[1];
  }
  return null;
}

function sigmaCompletions(context) {
  const line = context.state.doc.lineAt(context.pos);
  const before = line.text.slice(0, context.pos - line.from);
  const modifier = /\|([\w]*)$/.exec(before);
  if (modifier) {
    return { from: context.pos - modifier[1].length, options: options(MODIFIERS, 'keyword'), validFor: /^\w*$/ };
  }
  const value = /^\s*([\w-]+):\s+([\w]*)$/.exec(before);
  if (value) {
    const key = value[1];
    if (VALUES[key]) return { from: context.pos - value[2].length, options: options(VALUES[key], 'enum') };
    if (key === 'condition') {
      const word = /([\w]*)$/.exec(before)[1];
      return { from: context.pos - word.length, options: options(CONDITION_WORDS, 'keyword') };
    }
    return null;
  }
  const key = /^(\s*)(- )?([\w.@-]*)$/.exec(before);
  if (!key || (!context.explicit && key[3] === '' && key[1] === '')) return null;
  const from = context.pos - key[3].length;
  if (key[1] === '') return { from, options: options(TOP_KEYS, 'property') };
  const section = sectionOf(context.state, line.number);
  const own = SECTION_KEYS[section] || [];
  const fields = section === 'detection' && key[1].length > 2 ? options(fieldNames, 'variable', -1) : [];
  return { from, options: options(own, 'property', 1).concat(fields), validFor: /^[\w.@-]*$/ };
}

/** The server's check, swapped into #check, as markers on the lines it names. */
function showCheck(view) {
  const diagnostics = [...document.querySelectorAll('#check [data-line]')].map((element) => {
    const number = Math.min(view.state.doc.lines, Math.max(1, Number(element.dataset.line) || 1));
    const line = view.state.doc.line(number);
    return { from: line.from, to: line.to, severity: 'error', message: element.dataset.message || element.textContent.trim() };
  });
  view.dispatch(setDiagnostics(view.state, diagnostics));
}

const MONO = "ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace";

const theme = EditorView.theme({
  '&': { color: 'var(--text)', backgroundColor: 'var(--bg-sunken)', border: '1px solid var(--border)',
    borderRadius: '6px', fontSize: '0.88rem', maxHeight: '70vh', minHeight: '18em' },
  '&.cm-focused': { outline: '2px solid var(--focus)', outlineOffset: '1px' },
  '.cm-scroller': { fontFamily: MONO, overflow: 'auto' },
  '.cm-content': { caretColor: 'var(--text)' },
  '.cm-gutters': { backgroundColor: 'var(--bg)', color: 'var(--text-muted)', borderRight: '1px solid var(--border)' },
  '.cm-activeLine, .cm-activeLineGutter': { backgroundColor: 'color-mix(in srgb, var(--accent) 8%, transparent)' },
  '.cm-cursor': { borderLeftColor: 'var(--text)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': {
    backgroundColor: 'color-mix(in srgb, var(--accent) 30%, transparent)' },
  '.cm-tooltip': { backgroundColor: 'var(--bg-raised)', color: 'var(--text)', border: '1px solid var(--border)' },
  '.cm-tooltip-autocomplete ul li[aria-selected]': { backgroundColor: 'var(--accent)', color: 'var(--accent-text)' },
  '.cm-lintRange-error': { backgroundImage: 'none', textDecoration: 'underline wavy var(--danger)' },
  '.cm-diagnostic-error': { borderLeftColor: 'var(--danger)' },
  '.cm-panels': { backgroundColor: 'var(--bg-raised)', color: 'var(--text)' },
});

// YAML in the console's colours (custom properties: right in both themes)
const highlight = HighlightStyle.define([
  { tag: [tags.propertyName, tags.definition(tags.propertyName)], color: 'var(--accent)' },
  { tag: [tags.string, tags.special(tags.string)], color: 'var(--text)' },
  { tag: [tags.number, tags.bool, tags.null, tags.atom], color: 'var(--focus)' },
  { tag: [tags.comment, tags.meta], color: 'var(--text-muted)', fontStyle: 'italic' },
  { tag: [tags.keyword, tags.operator, tags.punctuation, tags.separator], color: 'var(--text-muted)' },
]);

function setUp(textarea) {
  const readOnly = textarea.hasAttribute('readonly');
  const host = document.createElement('div');
  host.className = 'rule-editor';
  host.dataset.testid = 'rule-editor';
  textarea.after(host);
  const shadow = host.attachShadow({ mode: 'open' });
  const view = new EditorView({
    root: shadow,
    parent: shadow,
    state: EditorState.create({
      doc: textarea.value,
      extensions: [
        basicSetup,
        yaml(),
        theme,
        syntaxHighlighting(highlight),
        indentUnit.of('  '),
        keymap.of([indentWithTab]),
        lintGutter(),
        autocompletion({ override: [sigmaCompletions] }),
        EditorState.readOnly.of(readOnly),
        EditorView.contentAttributes.of({ 'aria-label': 'Rule YAML' }),
        EditorView.updateListener.of((update) => {
          if (!update.docChanged) return;
          // the textarea stays the form field: the check (htmx, on input) and the save read it
          textarea.value = update.state.doc.toString();
          textarea.dispatchEvent(new Event('input', { bubbles: true }));
        }),
      ],
    }),
  });
  textarea.hidden = true;
  document.addEventListener('htmx:afterSwap', (e) => {
    if (e.detail.target.id === 'check') showCheck(view);
  });
  showCheck(view);
  fetch('/search/fields', { headers: { Accept: 'application/json' } })
    .then((r) => (r.ok ? r.json() : []))
    .then((names) => { fieldNames = names; })
    .catch(() => { /* completion of field names is a convenience */ });
}

// loaded on demand (app.js), often after DOMContentLoaded: set up at once when the page is there
function start() {
  const textarea = document.querySelector('textarea.code-editor');
  if (textarea) setUp(textarea);
}
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
