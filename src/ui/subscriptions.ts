/**
 * The listeners, observers, timers and frames one component adds, undone together by dispose():
 * each is paired with its removal where it is added, so none can be forgotten.
 */
export class Subscriptions {
  private readonly controller = new AbortController();
  private disposers: (() => void)[] = [];

  /** Adds an event listener that dispose() removes; after dispose(), adds nothing. */
  listen<K extends keyof HTMLElementEventMap>(target: EventTarget, type: K, handler: (event: HTMLElementEventMap[K]) => void): void {
    target.addEventListener(type, handler as EventListener, { signal: this.controller.signal });
  }

  /** Registers the undoing of something added (an observer, a timer); run at once if already disposed. */
  add(dispose: () => void): void {
    if (this.disposed) dispose();
    else this.disposers.push(dispose);
  }

  get disposed(): boolean {
    return this.controller.signal.aborted;
  }

  /** Removes every listener and runs every registered undoing, in reverse order of adding; once. */
  dispose(): void {
    if (this.disposed) return;
    this.controller.abort();
    const disposers = this.disposers;
    this.disposers = [];
    for (let i = disposers.length - 1; i >= 0; i--) disposers[i]();
  }
}
