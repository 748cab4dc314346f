/**
 * How the task pane starts. Office.js comes from Microsoft's CDN through an async script tag in
 * taskpane.html. Where the CDN cannot be reached (a firewalled office, no network, the tests) the
 * page must not wait for ever: after a short timeout it starts in preview mode, and it still
 * switches to Excel if Office.js turns up later.
 */

/** Seconds are what a person waits before deciding the page is broken; stay well under that. */
export const OFFICE_TIMEOUT_MS = 4000;

/** Resolves true once Office.js is there (now, or when its script loads), false if its script fails. */
export function officeArrival(script: EventTarget | null, present: () => boolean): Promise<boolean> {
  if (present()) return Promise.resolve(true);
  if (!script) return Promise.resolve(false);
  return new Promise((resolve) => {
    script.addEventListener("load", () => resolve(present()), { once: true });
    script.addEventListener("error", () => resolve(false), { once: true });
  });
}

/** `promise`'s value if it settles within `ms`, else `fallback`. */
export function within<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(fallback), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      () => {
        clearTimeout(timer);
        resolve(fallback);
      },
    );
  });
}
