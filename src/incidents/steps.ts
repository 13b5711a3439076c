/**
 * Work that pauses: a generator that yields wherever a long computation may end a task, so that a
 * caller can spread it over tasks (awaiting one between steps) or run it at once.
 */

/** Runs a stepwise computation to its end at once. */
export function runNow<R>(steps: Generator<void, R>): R {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
