import { webcrypto } from "node:crypto";
import { TextEncoder } from "node:util";

/**
 * What jsdom lacks and the pane uses, for the tests that render the whole App: Fluent's
 * MessageBar watches its size, the pane uses CSS.escape and a performance mark, and <dialog>
 * has no showModal (opened the way the browser does, minus the inertness); a pack's hash is Web
 * Crypto's SHA-256 of UTF-8 (workbook/pack-hash.ts), which jsdom's window does not carry: Node's.
 */
export function installJsdomShims(): void {
  (globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute("open", "");
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.removeAttribute("open");
  };
  (globalThis as { CSS?: unknown }).CSS ??= { escape: (s: string) => s.replace(/["\\]/g, "\\$&") };
  if (!globalThis.crypto?.subtle) Object.defineProperty(globalThis, "crypto", { value: webcrypto, configurable: true });
  (globalThis as { TextEncoder?: unknown }).TextEncoder ??= TextEncoder;
  performance.mark ??= (() => undefined) as unknown as typeof performance.mark;
}
