/**
 * Long work as a generator that yields between steps: run at once, or in slices of a few
 * milliseconds with the main thread given back between them, so that input and paint go
 * first and a feed of thousands of items costs short tasks instead of one long one. No
 * DOM: runs in Node too.
 */

/** Steps of work that end with a result. */
export type Steps<T> = Generator<void, T>;

/**
 * How long runSteps works before it gives the main thread back: short enough that a
 * slow or throttled phone stays far from a 50 ms task, long enough that the pauses cost
 * little. Slices are measured, so the same code suits a fast and a slow machine.
 */
export const SLICE_MS = 5;

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
 * For a loop of long work: returns a function that pauses (resolves after a pause) once
 * SLICE_MS have passed since the last pause, and otherwise returns undefined at once.
 */
export function timeSlices(): () => Promise<void> | undefined {
  let sliceEnd = performance.now() + SLICE_MS;
  return () => {
    if (performance.now() < sliceEnd) return undefined;
    return pause().then(() => {
      sliceEnd = performance.now() + SLICE_MS;
    });
  };
}

/**
 * Runs the steps `start` makes, pausing first and then whenever a slice has run, and
 * stops with the signal's reason when it is aborted. `start` is called after the first
 * pause, so none of the work runs in the caller's task.
 */
export async function runSteps<T>(start: () => Steps<T>, signal: AbortSignal): Promise<T> {
  await pause();
  signal.throwIfAborted();
  const slice = timeSlices();
  const steps = start();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    const paused = slice();
    if (paused) {
      await paused;
      signal.throwIfAborted();
    }
  }
}
