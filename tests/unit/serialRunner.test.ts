import { describe, expect, it } from 'vitest';
import { serialRunner } from '../../src/pipeline/vite/serialRunner';

/** A task whose runs the test finishes by hand, counting how many overlap. */
function controlledTask() {
  const finishers: (() => void)[] = [];
  let active = 0;
  let maxActive = 0;
  let runs = 0;
  const task = () => {
    runs++;
    active++;
    maxActive = Math.max(maxActive, active);
    return new Promise<void>((resolve) =>
      finishers.push(() => {
        active--;
        resolve();
      }),
    );
  };
  const finishNext = async () => {
    // Wait until the runner has started the next run, then finish it.
    while (finishers.length === 0) await Promise.resolve();
    finishers.shift()!();
  };
  return { task, finishNext, stats: () => ({ runs, maxActive }) };
}

describe('serialRunner (dev rebuilds)', () => {
  it('never runs twice at once, and runs once more after requests made during a run', async () => {
    const { task, finishNext, stats } = controlledTask();
    const request = serialRunner(task, () => {});
    const first = request();
    void request();
    void request();
    const last = request();
    await finishNext();
    await finishNext();
    await Promise.all([first, last]);
    expect(stats()).toEqual({ runs: 2, maxActive: 1 });
  });

  it('hands a failing run to onError and keeps serving requests', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const request = serialRunner(
      async () => {
        calls++;
        if (calls === 1) throw new Error('pipeline crashed');
      },
      (e) => errors.push(e),
    );
    await expect(request()).resolves.toBeUndefined();
    await request();
    expect(errors.map((e) => (e as Error).message)).toEqual(['pipeline crashed']);
    expect(calls).toBe(2);
  });
});
