import { el } from './dom';

export type NoticeKind = 'info' | 'warning' | 'error';

/** A button in a notice; the notice closes after it runs. */
export interface NoticeAction {
  label: string;
  run: () => void;
}

export interface NoticesOptions {
  /** Longest detail line shown in full; longer ones are cut with "…" (the full text is its tooltip); default 300. */
  maxLineLength?: number;
}

/**
 * A stack of dismissable messages over the map (bad data, missing WebGL, ignored URL values).
 * Only the title is announced (an alert for errors, a status otherwise); the details are a
 * focusable, scrollable list read at the reader's pace. Escape dismisses the newest notice.
 */
export class Notices {
  private readonly container: HTMLElement;
  private readonly options: NoticesOptions;

  constructor(container: HTMLElement, options: NoticesOptions = {}) {
    this.container = container;
    this.options = options;
    window.addEventListener('keydown', this.onKey);
  }

  show(title: string, lines: readonly string[] = [], kind: NoticeKind = 'warning', actions: readonly NoticeAction[] = []): HTMLElement {
    const box = el('section', `notice notice-${kind}`);
    const head = el('div', 'notice-head');
    const titleId = `notice-title-${this.container.childElementCount}-${Date.now()}`;
    const live = el('div', 'notice-title');
    live.setAttribute('role', kind === 'error' ? 'alert' : 'status');
    const strong = el('strong', undefined, title);
    strong.id = titleId;
    live.append(strong);
    box.setAttribute('aria-labelledby', titleId);
    head.append(live);
    const close = el('button', 'notice-close', '×');
    close.type = 'button';
    close.setAttribute('aria-label', `Dismiss: ${title}`);
    close.addEventListener('click', () => this.dismiss(box));
    head.append(close);
    box.append(head);
    if (lines.length > 0) {
      const list = el('ul', 'notice-details');
      list.tabIndex = 0;
      list.setAttribute('aria-label', `${lines.length} ${lines.length === 1 ? 'detail' : 'details'}`);
      const max = this.options.maxLineLength ?? 300;
      for (const line of lines) {
        const li = el('li', undefined, line.length > max ? `${line.slice(0, max)}…` : line);
        if (line.length > max) li.title = line;
        list.append(li);
      }
      box.append(list);
    }
    for (const action of actions) {
      const button = el('button', 'notice-action', action.label);
      button.type = 'button';
      button.addEventListener('click', () => {
        this.dismiss(box);
        action.run();
      });
      box.append(button);
    }
    this.container.append(box);
    return box;
  }

  /** Removes every notice and the Escape listener. */
  destroy(): void {
    window.removeEventListener('keydown', this.onKey);
    this.container.replaceChildren();
  }

  /** How many notices are shown. */
  get count(): number {
    return this.container.querySelectorAll('.notice').length;
  }

  /** Removes a notice; focus inside it moves to the next newest notice, else stays on the page. */
  private dismiss(box: HTMLElement): void {
    const hadFocus = box.contains(document.activeElement);
    box.remove();
    if (hadFocus) this.container.querySelector<HTMLElement>('.notice:last-child .notice-close')?.focus();
  }

  // Escape dismisses the newest notice, unless something else took it (open details, a modal dialog).
  private readonly onKey = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    if (e.target instanceof Element && e.target.closest('dialog')) return;
    const newest = this.container.querySelector<HTMLElement>('.notice:last-child');
    if (!newest) return;
    e.preventDefault();
    this.dismiss(newest);
  };
}
