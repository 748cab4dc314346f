/**
 * Where the task pane runs, as the page's first script finds out (taskpane.ts) and the wizard
 * shows it: still connecting, inside Excel (workbook actions on), or preview mode in a plain
 * browser (the wizard and results work; workbook actions are off, with the reason).
 */
export type HostMode = "connecting" | "excel" | "preview";

/** Why the page is in preview mode: Office.js never arrived, or it did outside Excel. */
export type PreviewReason = "no-office-js" | "outside-excel";

export interface HostState {
  readonly mode: HostMode;
  readonly reason?: PreviewReason;
  /** Office's display language (Office.context.displayLanguage), when Office said. */
  readonly displayLanguage?: string;
}

let state: HostState = { mode: "connecting" };
const listeners = new Set<() => void>();

export const host = {
  get: (): HostState => state,
  set(next: HostState): void {
    state = next;
    listeners.forEach((listener) => listener());
  },
  /** For React's useSyncExternalStore. */
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

/** Whether this Excel has ExcelApi `version` (1.5: custom XML parts; 1.7: chart categories, frozen panes). */
export function supportsExcelApi(version: string): boolean {
  try {
    return typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported("ExcelApi", version) === true;
  } catch {
    return false;
  }
}
