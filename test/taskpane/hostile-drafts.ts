import { readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Saved drafts the pane must survive (issue 20, "Never blank"): damaged, of another shape, from
 * a newer version, or too deep. Today's pane threw on the first render for 7 of the first 9 kinds
 * and stayed blank at every load. Shared by the jsdom test (test/taskpane/hostile-content.test.tsx)
 * and the built pane's in Chromium (test/e2e/hostile-workbook.test.ts).
 */
export const savedWork = readFileSync(join(__dirname, "..", "fixtures", "v1", "saved-work.json"), "utf8");
const today = JSON.parse(savedWork) as { draft: Record<string, unknown>; bench: Record<string, unknown> };
const work = (v: unknown) => JSON.stringify(v);

export const hostileDrafts: readonly (readonly [string, string])[] = [
  ["not JSON", "{oops"],
  ["null", "null"],
  ["an array", "[]"],
  ["events that are a text", work({ draft: { ...today.draft, events: "x" } })],
  ["an event that is null", work({ draft: { ...today.draft, events: [null] } })],
  ["an event of a type this version does not know", work({ draft: { ...today.draft, events: [{ type: "teleport", year: "2027" }] } })],
  ["a name that is a number", work({ draft: { ...today.draft, name: 5 } })],
  ["financials of numbers", work({ draft: { ...today.draft, financials: [{ year: 2027, revenue: 1 }] } })],
  ["what-ifs that are an object", work({ ...today, bench: { variants: {} } })],
  ["a what-if with no draft", work({ ...today, bench: { variants: [{ id: "v1", name: "x" }] } })],
  ["a baseline with no draft", work({ ...today, bench: { baseline: { name: "b" }, variants: [] } })],
  ["issue dates that are a text", work({ draft: { ...today.draft, issueDates: "2027-01-01" } })],
  ["a newer version", work({ version: 99, ...today })],
  ["nesting 100,000 deep", `{"draft":${"[".repeat(100_000)}${"]".repeat(100_000)}}`],
];
