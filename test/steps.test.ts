import { expect } from '@open-wc/testing';
import { finishSteps, runSteps, SLICE_MS } from '../src/steps.js';

/** Keeps the main thread busy for `ms`, as a long step does. */
function busyFor(ms: number) {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

/** Three steps that record when each runs; returns what it was given. */
function* counted<T>(log: string[], result: T) {
  for (const name of ['a', 'b', 'c']) {
    log.push(name);
    yield;
  }
  return result;
}

describe('steps', () => {
  it('finishSteps runs every step at once and returns the result', () => {
    const log: string[] = [];
    expect(finishSteps(counted(log, 42))).to.equal(42);
    expect(log).to.deep.equal(['a', 'b', 'c']);
  });

  it('runSteps starts nothing in the calling task, and returns the result', async () => {
    const log: string[] = [];
    const result = runSteps(() => counted(log, 'done'), new AbortController().signal);
    expect(log, 'in the calling task').to.be.empty;
    expect(await result).to.equal('done');
    expect(log).to.deep.equal(['a', 'b', 'c']);
  });

  it('runSteps gives the main thread back once a slice has run: urgent work, such as input, goes first', async () => {
    const log: string[] = [];
    let urgent: Promise<unknown> | undefined;
    function* withUrgentWork() {
      log.push('a');
      urgent = scheduler.postTask(() => log.push('urgent'), { priority: 'user-blocking' });
      busyFor(SLICE_MS + 1);
      yield;
      log.push('b');
      yield;
      log.push('c');
    }
    await runSteps(withUrgentWork, new AbortController().signal);
    await urgent;
    expect(log).to.deep.equal(['a', 'urgent', 'b', 'c']);
  });

  it('runSteps runs short steps in one slice, without a pause between them', async () => {
    const log: string[] = [];
    let urgent: Promise<unknown> | undefined;
    function* quickSteps() {
      log.push('a');
      urgent = scheduler.postTask(() => log.push('urgent'), { priority: 'user-blocking' });
      yield;
      log.push('b');
      yield;
      log.push('c');
    }
    await runSteps(quickSteps, new AbortController().signal);
    await urgent;
    expect(log).to.deep.equal(['a', 'b', 'c', 'urgent']);
  });

  it('runSteps stops with the reason when the signal is aborted', async () => {
    const log: string[] = [];
    const controller = new AbortController();
    function* abortedAfterA() {
      log.push('a');
      controller.abort(new Error('gone'));
      busyFor(SLICE_MS + 1);
      yield;
      log.push('b');
    }
    let error: unknown;
    await runSteps(abortedAfterA, controller.signal).catch((reason: unknown) => (error = reason));
    expect((error as Error).message).to.equal('gone');
    expect(log, 'no step after the abort').to.deep.equal(['a']);
  });

  it('runSteps starts nothing when the signal is aborted before the first pause ends', async () => {
    const controller = new AbortController();
    let started = false;
    const result = runSteps(() => {
      started = true;
      return counted([], undefined);
    }, controller.signal);
    controller.abort(new Error('removed'));
    let error: unknown;
    await result.catch((reason: unknown) => (error = reason));
    expect((error as Error).message).to.equal('removed');
    expect(started).to.be.false;
  });
});

declare const scheduler: { postTask<T>(task: () => T, options: { priority: 'user-blocking' }): Promise<T> };
