import { el } from './dom';

export type NoticeKind = 'info' | 'warning' | 'error';

/** A button in a notice; the notice closes after it runs. */
export interface NoticeAction {
  label: string;
  run: () => void;
}

/** A stack of dismissable messages over the map (bad data, missing WebGL, ignored URL values). */
export class Notices {
  private readonly container: HTMLElement;

  constructor(container: HTMLElement) {
    this.container = container;
  }

  show(title: string, lines: readonly string[] = [], kind: NoticeKind = 'warning', actions: readonly NoticeAction[] = []): HTMLElement {
    const box = el('div', `notice notice-${kind}`);
    box.setAttribute('role', kind === 'error' ? 'alert' : 'status');
    const head = el('div', 'notice-head');
    head.append(el('strong', undefined, title));
    const close = el('button', 'notice-close', '×');
    close.type = 'button';
    close.setAttribute('aria-label', 'Dismiss');
    close.addEventListener('click', () => box.remove());
    head.append(close);
    box.append(head);
    if (lines.length > 0) {
      const list = el('ul');
      for (const line of lines) list.append(el('li', undefined, line));
      box.append(list);
    }
    for (const action of actions) {
      const button = el('button', 'notice-action', action.label);
      button.type = 'button';
      button.addEventListener('click', () => {
        box.remove();
        action.run();
      });
      box.append(button);
    }
    this.container.append(box);
    return box;
  }
}
