import { formatAppView, parseAppView, type AppView, type ParsedView } from './appView';

/** How a change enters the browser's history. */
export type HistoryMode = 'push' | 'replace';

/**
 * The only code that reads or writes `location` and `history`: the view goes in as a query and a
 * hash, and comes back on load, back, forward and when a link is pasted.
 */
export class UrlHistory {
  private readonly win: Window;
  private readonly listeners = new Set<(parsed: ParsedView) => void>();

  constructor(win: Window = window) {
    this.win = win;
  }

  /** The view in the current address. */
  read(): ParsedView {
    return parseAppView(this.win.location.search, this.win.location.hash);
  }

  /** The full link of the current view, to share. */
  href(): string {
    return this.win.location.href;
  }

  /**
   * Puts the view in the address: `push` for a deliberate change (one history entry), `replace`
   * for drags, playback, typing and camera moves. Writes nothing when the address already says it.
   */
  write(view: AppView, mode: HistoryMode): void {
    const { location, history } = this.win;
    const { search, hash } = formatAppView(view);
    if (search === location.search && hash === location.hash) return;
    const url = `${location.pathname}${search}${hash}`;
    if (mode === 'push') history.pushState(null, '', url);
    else history.replaceState(history.state, '', url);
  }

  /** Calls `listener` with the view whenever the user moves through history or edits the hash; returns the unsubscribe. */
  listen(listener: (parsed: ParsedView) => void): () => void {
    if (this.listeners.size === 0) this.win.addEventListener('popstate', this.onPopState);
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.win.removeEventListener('popstate', this.onPopState);
    };
  }

  private readonly onPopState = (): void => {
    const parsed = this.read();
    for (const listener of this.listeners) listener(parsed);
  };
}
