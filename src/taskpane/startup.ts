/**
 * How the task pane starts. Office.js comes from Microsoft's CDN through an async script tag in
 * taskpane.html. Where the CDN cannot be reached (a firewalled office, no network, the tests) the
 * page must not wait for ever: after a short timeout it starts in preview mode, and it still
 * switches to Excel if Office.js turns up later.
 */

/** Seconds are what a person waits before deciding the page is broken; stay well under that. */
export const OFFICE_TIMEOUT_MS = 4000;

/**
 * The wait for Office.js, from the page's query string: `?officeTimeout=200` (milliseconds) lets a
 * browser test or a demo reach preview mode at once. Never longer than OFFICE_TIMEOUT_MS.
 */
export function officeTimeoutMs(search: string | undefined): number {
  // A regular expression rather than URLSearchParams: the page's first script runs anywhere.
  const match = /[?&]officeTimeout=(\d+)(?:&|$)/.exec(search ?? "");
  return match ? Math.min(Number(match[1]), OFFICE_TIMEOUT_MS) : OFFICE_TIMEOUT_MS;
}

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
