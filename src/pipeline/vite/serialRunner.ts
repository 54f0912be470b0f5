/**
 * Runs a task so that runs never overlap. Under `vite dev` every saved file asks for a
 * rebuild; two rebuilds at once raced, and the older one could finish last and put back the
 * older archive. Here a request during a run asks for one more run after it (any number of
 * requests collapse into that one), so the last state on disk is always the last one built.
 * A failing run goes to `onError`; nothing is left as an unhandled rejection.
 */
export function serialRunner(
  task: () => Promise<void>,
  onError: (e: unknown) => void,
): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;
  return function request() {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await task();
        } catch (e) {
          onError(e);
        }
      } while (again);
      running = null;
    })();
    return running;
  };
}
