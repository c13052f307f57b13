/**
 * google.script.run as promises. The client API is callback-based ([guide]
 * developers.google.com/apps-script/guides/html/communication): each call returns nothing and
 * its result reaches a success or failure handler; a failure handler gets an Error whose
 * message is the server's.
 */
type Handler = (value: unknown) => void;
interface Runner {
  withSuccessHandler(h: Handler): Runner;
  withFailureHandler(h: (e: Error) => void): Runner;
  [server: string]: unknown;
}
declare const google: { script: { run: Runner; host: { close(): void } } };

/** Calls a public server function with one argument; resolves with what it returns. */
export function callServer<T>(name: string, argument?: unknown): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((v) => resolve(v as T))
      .withFailureHandler((e) => reject(e));
    const fn = runner[name];
    if (typeof fn !== 'function') {
      reject(new Error(`The add-on has no server function ${name}.`));
      return;
    }
    if (argument === undefined) (fn as () => void).call(runner);
    else (fn as (a: unknown) => void).call(runner, argument);
  });
}

/** Closes the dialog (window.close does not: the page sits in Google's iframe). */
export function closeDialog(): void {
  google.script.host.close();
}

/** Runs `task` over `items` with at most `limit` in flight (google.script.run queues beyond 10). */
export async function inParallel<T>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      await task(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
