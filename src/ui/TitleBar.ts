import { el } from './dom';
import { Subscriptions } from './subscriptions';

export interface TitleBarOptions {
  /** Opens the About dialog. */
  onAbout: () => void;
  /** The link of the current view. */
  link: () => string;
  /** Makes and downloads an image of the view; default: no Save image button. */
  onSaveImage?: () => Promise<void>;
  /** How long a status message stays, in ms; default 4000. */
  statusMs?: number;
}

/** The title bar's actions (About, Share, Save image, Print) and a status line that says what they did. */
export class TitleBar {
  private readonly options: TitleBarOptions;
  private readonly range: HTMLElement;
  private readonly status: HTMLElement;
  private readonly listeners = new Subscriptions();
  private timer = 0;

  constructor(actions: HTMLElement, range: HTMLElement, options: TitleBarOptions) {
    this.options = options;
    this.range = range;
    this.status = el('p', 'title-status');
    this.status.setAttribute('role', 'status');
    const buttons: HTMLButtonElement[] = [
      this.button('About', 'title-about', options.onAbout),
      this.button('Share', 'title-share', () => void this.share()),
    ];
    if (options.onSaveImage) buttons.push(this.button('Save image', 'title-image', () => void this.saveImage()));
    buttons.push(this.button('Print', 'title-print', () => window.print()));
    actions.append(...buttons, this.status);
  }

  /** Says which incidents the map shows (printed and drawn into saved images too). */
  setRange(text: string): void {
    this.range.textContent = text;
  }

  get rangeText(): string {
    return this.range.textContent ?? '';
  }

  destroy(): void {
    this.listeners.dispose();
    clearTimeout(this.timer);
  }

  private button(label: string, className: string, run: () => void): HTMLButtonElement {
    const b = el('button', `title-button ${className}`, label);
    b.type = 'button';
    this.listeners.listen(b, 'click', run);
    return b;
  }

  private say(text: string): void {
    this.status.textContent = text;
    clearTimeout(this.timer);
    this.timer = window.setTimeout(() => {
      this.status.textContent = '';
    }, this.options.statusMs ?? 4000);
  }

  /** The system share sheet where there is one (phones), else the clipboard. */
  private async share(): Promise<void> {
    const url = this.options.link();
    try {
      if (typeof navigator.share === 'function') {
        await navigator.share({ title: document.title, url });
        this.say('Link shared.');
      } else {
        await navigator.clipboard.writeText(url);
        this.say('Link to this view copied.');
      }
    } catch (err) {
      if (err instanceof DOMException && err.name === 'AbortError') return;
      this.say(`Could not share the link: ${err instanceof Error ? err.message : String(err)}. Copy it from the address bar.`);
    }
  }

  private async saveImage(): Promise<void> {
    try {
      await this.options.onSaveImage?.();
      this.say('Image saved.');
    } catch (err) {
      this.say(`Could not save the image: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}
