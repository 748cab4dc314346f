import { spawnSync } from "child_process";
import { join } from "path";

export interface FirstRender {
  /** Median of five fresh pages, ms from navigation start to the wizard's first commit. */
  readonly medianMs: number;
  readonly runsMs: readonly number[];
}

/**
 * The task pane's first render, in this same `npm run bench` run: scripts/measure-taskpane.js
 * (headless Debian Chromium through playwright-core, dist/ served on localhost, rebuilt if stale)
 * run as a child process, its `--json` line read back; the first line of its error when it
 * cannot run (no Chromium on this machine, say).
 */
export function firstRender(): FirstRender | { readonly missing: string } {
  const script = join(__dirname, "..", "..", "scripts", "measure-taskpane.js");
  const run = spawnSync(process.execPath, [script, "--json"], { encoding: "utf8", timeout: 300_000 });
  const json = run.status === 0 ? run.stdout.trim().split("\n").at(-1) : undefined;
  if (!json?.startsWith("{")) return { missing: (run.stderr || run.stdout || String(run.error ?? "no output")).trim().split("\n")[0] };
  const r = JSON.parse(json) as { medianMs: number; firstRenderMs: number[] };
  return { medianMs: r.medianMs, runsMs: r.firstRenderMs };
}
