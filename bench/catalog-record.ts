import { engine } from "../src/engine";
import { catalogRecordXml, clauseFigures, readCatalogRecord, type CatalogRecord } from "../src/workbook/catalog-record";
import { measure, ratioOf, type Options } from "./harness";

/**
 * What reading a workbook's catalog record costs (issue 20): the pane reads it on the thread that
 * also serves every custom-function cell. Two records of about 1 MB: every clause of the catalog
 * with its figures, repeated under new ids until the record passes 1,000,000 bytes, and the same
 * size of clauses without figures written `<clause id="…"/>` (valid XML; the reader this one
 * replaced searched to the end of the text from each of them, 2.9 s for 640 KB). Beside them,
 * JSON.parse of a JSON text of the same size, the platform's own parser, as a floor.
 */
export interface RecordFigures {
  readonly bytes: number;
  readonly clauses: number;
  readonly figuresMs: number;
  readonly bareBytes: number;
  readonly bareMs: number;
  readonly jsonMs: number;
  /** The full record against JSON.parse of the same size. */
  readonly ratio: number;
}

const MB = 1_000_000;

export function catalogRecordFigures(opts: Options): RecordFigures {
  const { catalog } = engine();
  const one = catalog.documents.flatMap((doc) => doc.clauses.map((clause) => ({ id: clause.id, figures: clauseFigures(clause, doc) })));
  const clauses: CatalogRecord["clauses"][number][] = [];
  let xml = "";
  for (let copy = 0; xml.length < MB; copy++) {
    clauses.push(...one.map((c) => ({ ...c, id: copy === 0 ? c.id : `${c.id}#${copy}` })));
    xml = catalogRecordXml({ version: catalog.version, computed: "2026-12-07", clauses });
  }
  let bare = xml.slice(0, xml.indexOf("<clause"));
  for (let i = 0; bare.length < MB; i++) bare += `<clause id="gone/${i}"/>`;
  bare += "</catalog>";
  const json = JSON.stringify({ version: catalog.version, clauses: clauses.map((c) => ({ id: c.id, figures: c.figures })) });
  // Each reads what it should before anything is timed.
  const full = readCatalogRecord(xml);
  if (!full.ok || full.value.clauses.length !== clauses.length || full.skipped !== 0) throw new Error("bench: the 1 MB record does not read back");
  if (!readCatalogRecord(bare).ok) throw new Error("bench: the record of clauses without figures does not read");
  const count = (r: ReturnType<typeof readCatalogRecord>) => (r.ok ? r.value.clauses.length : -1);
  const [withFigures, withoutFigures, floor] = measure(
    [
      (n) => {
        let s = 0;
        for (let i = 0; i < n; i++) s += count(readCatalogRecord(xml));
        return s;
      },
      (n) => {
        let s = 0;
        for (let i = 0; i < n; i++) s += count(readCatalogRecord(bare));
        return s;
      },
      (n) => {
        let s = 0;
        for (let i = 0; i < n; i++) s += (JSON.parse(json) as { clauses: unknown[] }).clauses.length;
        return s;
      },
    ],
    opts,
  );
  return {
    bytes: Buffer.byteLength(xml),
    clauses: clauses.length,
    figuresMs: withFigures.ns / 1e6,
    bareBytes: Buffer.byteLength(bare),
    bareMs: withoutFigures.ns / 1e6,
    jsonMs: floor.ns / 1e6,
    ratio: ratioOf(withFigures, floor),
  };
}
