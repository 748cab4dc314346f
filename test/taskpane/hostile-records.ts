import { readFileSync } from "node:fs";
import { join } from "node:path";
import { forecast, parseScenario } from "../../src/engine";
import { catalogRecord, catalogRecordXml } from "../../src/workbook/catalog-record";

/**
 * Catalog records a newer version, another tool or a person edited (issue 20, "Never blank"):
 * the record the pane writes for the Changping example, with one figure or the whole text made
 * hostile. Shared by the jsdom test (test/taskpane/hostile-content.test.tsx) and the built pane's
 * in Chromium (test/e2e/hostile-workbook.test.ts).
 */
const changping = parseScenario(JSON.parse(readFileSync(join(__dirname, "..", "..", "examples", "changping-device-startup.json"), "utf8")));
export const record = catalogRecordXml(catalogRecord(forecast(changping), "2026-03-01"));

/** The record with one figure's attributes replaced: the first cap of 昌平 第五条（一）. */
const withFigure = (figure: string) => record.replace(/(<clause id="changping-device\/5\.1">.*?)<figure kind="cap" value="3000000"\/>/, `$1${figure}`);

/** One figure this version cannot read: left out of the comparison and said; the rest compared. */
export const unreadableFigures: readonly (readonly [string, string])[] = [
  ["a figure kind this version does not know", withFigure('<figure kind="cap" value="3000000"/><figure kind="perProvince" value="5"/>')],
  ["a value that is not a number", withFigure('<figure kind="cap" value="three million"/>')],
  ["a cap of 1e+9000000", withFigure('<figure kind="cap" value="1e+9000000"/>')],
];

/** A record this version cannot read at all: set aside with a notice, kept; and the reason it gives. */
export const unreadableRecords: readonly (readonly [string, string, RegExp])[] = [
  ["a character reference beyond Unicode", record.replace('computed="2026-03-01"', 'computed="&#99999999;"'), /\(it is not well-formed\)/],
  ["a damaged tag", record.replace('<clause id="', '<clause <id="'), /\(it is not well-formed\)/],
  ["a record over 1 MiB", record.replace("</catalog>", `<pad v="${"x".repeat(1024 * 1024)}"/></catalog>`), /larger than/],
];
