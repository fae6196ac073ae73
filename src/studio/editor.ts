/**
 * The studio's editor: CodeMirror 6 with YAML highlighting, completion and hover help from the file's
 * JSON Schema, and the checker's problems as diagnostics. Each open file keeps its own editor state,
 * so undo history survives switching between files.
 */
import {
  autocompletion,
  type CompletionContext,
  type CompletionResult,
  completionKeymap,
} from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import {
  bracketMatching,
  defaultHighlightStyle,
  foldGutter,
  indentOnInput,
  syntaxHighlighting,
} from '@codemirror/language';
import { type Diagnostic, lintGutter, lintKeymap, setDiagnostics } from '@codemirror/lint';
import { Compartment, EditorSelection, EditorState, type Extension } from '@codemirror/state';
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  hoverTooltip,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import type { Problem } from '../core/scenario/problems';
import { cursorPlace, hoverAt, type JsonSchema, suggestionsAt } from './schemaAssist';

/** What the editor needs from the page. */
export interface EditorOptions {
  /** The editor's accessible name. */
  readonly label: string;
  /** The JSON Schema of the file named, once loaded; null when unknown or not yet loaded. */
  readonly schemaOf: (name: string) => JsonSchema | null;
  /** Called with the file's name and its whole text after each edit. */
  readonly onEdit: (name: string, text: string) => void;
  /** Ctrl+S (⌘S): save the file shown. */
  readonly onSave: () => void;
  /** Words of the hover help that are not the schema's: "Allowed values". */
  readonly allowedValues: () => string;
}

/** A 1-based line and column turned into an offset in `state`'s document, clamped to it. */
export function offsetOf(state: EditorState, line: number, col: number): number {
  const doc = state.doc;
  const at = doc.line(Math.min(Math.max(line, 1), doc.lines));
  return at.from + Math.min(Math.max(col - 1, 0), at.length);
}

/** The checker's problems of one file as CodeMirror diagnostics (a whole word or the rest of the line). */
export function diagnosticsOf(state: EditorState, problems: readonly Problem[]): Diagnostic[] {
  return problems.map((p) => {
    const from = offsetOf(state, p.line, p.col);
    const line = state.doc.lineAt(from);
    const word = /^[^\s:,{}[\]]+/.exec(state.doc.sliceString(from, line.to))?.[0].length ?? 0;
    return {
      from,
      to: Math.min(line.to, from + Math.max(word, 1)),
      severity: p.severity,
      message: `${p.code}: ${p.message}`,
    };
  });
}

export class StudioEditor {
  readonly view: EditorView;
  private readonly states = new Map<string, EditorState>();
  private readonly label = new Compartment();
  private current: string | null = null;
  private currentLabel: string;

  constructor(
    host: HTMLElement,
    private readonly options: EditorOptions,
  ) {
    this.currentLabel = options.label;
    this.view = new EditorView({
      parent: host,
      dispatchTransactions: (transactions, view) => {
        view.update(transactions);
        if (this.current !== null && transactions.some((t) => t.docChanged)) {
          this.options.onEdit(this.current, view.state.doc.toString());
        }
      },
    });
    this.view.setState(this.newState(''));
  }

  /** The file shown, or null. */
  get file(): string | null {
    return this.current;
  }

  /** Shows `name`, with `text` when it is new to the editor (else its kept state, undo history and all). */
  show(name: string, text: string): void {
    if (this.current !== null) this.states.set(this.current, this.view.state);
    this.current = name;
    const kept = this.states.get(name);
    this.view.setState(kept && kept.doc.toString() === text ? kept : this.newState(text));
  }

  /** Forgets a closed file's state. */
  forget(name: string): void {
    this.states.delete(name);
    if (this.current === name) {
      this.current = null;
      this.view.setState(this.newState(''));
    }
  }

  /** Renames the editor for assistive technology (the page's language changed). */
  relabel(label: string): void {
    if (label === this.currentLabel) return;
    this.currentLabel = label;
    this.view.dispatch({ effects: this.label.reconfigure(labelOf(label)) });
  }

  /** Shows these problems of the current file as diagnostics. */
  showProblems(problems: readonly Problem[]): void {
    this.view.dispatch(setDiagnostics(this.view.state, diagnosticsOf(this.view.state, problems)));
  }

  /** Moves the cursor to a 1-based line and column, scrolls it into view and focuses the editor. */
  moveTo(line: number, col = 1): void {
    const at = offsetOf(this.view.state, line, col);
    this.view.dispatch({ selection: EditorSelection.cursor(at), scrollIntoView: true });
    this.view.focus();
  }

  private newState(text: string): EditorState {
    return EditorState.create({ doc: text, extensions: this.extensions() });
  }

  private extensions(): Extension[] {
    const schema = () => (this.current === null ? null : this.options.schemaOf(this.current));
    return [
      lineNumbers(),
      highlightActiveLineGutter(),
      foldGutter(),
      history(),
      drawSelection(),
      indentOnInput(),
      bracketMatching(),
      highlightActiveLine(),
      syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
      yaml(),
      lintGutter(),
      EditorState.tabSize.of(2),
      // Scenario lines are mostly prose: wrapped, they read without scrolling sideways.
      EditorView.lineWrapping,
      this.label.of(labelOf(this.currentLabel)),
      autocompletion({ override: [(context) => complete(context, schema())] }),
      hoverTooltip((view, pos) => {
        const root = schema();
        if (!root) return null;
        const help = hoverAt(root, view.state.doc.toString(), pos);
        if (!help || (!help.description && help.values.length === 0)) return null;
        return {
          pos: help.from,
          end: help.to,
          above: true,
          create: () => {
            const dom = document.createElement('div');
            dom.className = 'studio-hover';
            const name = document.createElement('strong');
            name.textContent = help.key;
            dom.append(name);
            if (help.description) {
              const text = document.createElement('p');
              text.textContent = help.description;
              dom.append(text);
            }
            if (help.values.length > 0) {
              const values = document.createElement('p');
              values.textContent = `${this.options.allowedValues()}: ${help.values.join(', ')}`;
              dom.append(values);
            }
            return { dom };
          },
        };
      }),
      keymap.of([
        {
          key: 'Mod-s',
          preventDefault: true,
          run: () => {
            this.options.onSave();
            return true;
          },
        },
        // YAML is all indentation: Tab and Shift+Tab indent and outdent. Esc then Tab leaves the
        // editor (CodeMirror's own way out), which the hint under the editor says.
        indentWithTab,
        ...defaultKeymap,
        ...historyKeymap,
        ...completionKeymap,
        ...lintKeymap,
      ]),
    ];
  }
}

function labelOf(label: string): Extension {
  // An explicit tab stop: axe counts a scroller as keyboard-reachable only through a focusable child.
  return EditorView.contentAttributes.of({ 'aria-label': label, tabindex: '0' });
}

/** The completion source: the schema's keys or values at the cursor. */
function complete(context: CompletionContext, schema: JsonSchema | null): CompletionResult | null {
  if (!schema) return null;
  const place = cursorPlace(context.state.doc.toString(), context.pos);
  if (!place) return null;
  if (place.word === '' && !context.explicit) return null;
  const options = suggestionsAt(schema, place).map((s) => ({
    label: s.label,
    type: s.kind === 'key' ? 'property' : 'enum',
    apply: s.kind === 'key' ? `${s.label}: ` : s.label,
    ...(s.detail ? { info: s.detail } : {}),
  }));
  if (options.length === 0) return null;
  return { from: place.from, options, validFor: /^[A-Za-z0-9_-]*$/ };
}
