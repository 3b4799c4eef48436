/**
 * Long work as a generator that yields between steps: run at once, or with the main
 * thread given back before each step, so that input and paint go first and a feed of
 * thousands of items costs short tasks instead of one long one. No DOM: runs in Node too.
 */

/** Steps of work that end with a result. */
export type Steps<T> = Generator<void, T>;

/** Gives the main thread back for a moment. */
export const pause = (): Promise<void> =>
  (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler?.yield?.() ?? new Promise((resolve) => setTimeout(resolve));

/** Runs every step at once and returns the result. */
export function finishSteps<T>(steps: Steps<T>): T {
  let step;
  while (!(step = steps.next()).done);
  return step.value;
}

/**
 * Runs the steps `start` makes with a pause before each, the first included, and stops
 * with the signal's reason when it is aborted. `start` is called after the first pause,
 * so none of the work runs in the caller's task.
 */
export async function runSteps<T>(start: () => Steps<T>, signal: AbortSignal): Promise<T> {
  let steps: Steps<T> | undefined;
  let step;
  do {
    await pause();
    signal.throwIfAborted();
  } while (!(step = (steps ??= start()).next()).done);
  return step.value;
}
