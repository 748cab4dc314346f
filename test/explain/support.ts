import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { engine, forecast, parseScenario, type Forecast, type Scenario } from "../../src/engine";

const dir = join(__dirname, "..", "..", "examples");

/** The examples a user opens first (issue 8 names three; every one in examples/), with the words the user wrote in them. */
export function examples(): { file: string; scenario: Scenario; forecast: Forecast; userWords: string[] }[] {
  return readdirSync(dir).filter((f) => f.endsWith(".json")).map((file) => {
    const scenario = parseScenario(JSON.parse(readFileSync(join(dir, file), "utf8")));
    const userWords = scenario.events.flatMap((e) => [e.label ?? "", "product" in e ? (e.product ?? "") : ""]).filter((w) => w !== "")
      // Longest first, so that a label is stripped whole before the product name inside it.
      .sort((a, b) => b.length - a.length);
    return { file, scenario, forecast: forecast(scenario), userWords };
  });
}

/**
 * Proper names a Chinese text keeps in Latin letters: the authorities and programmes the policy
 * texts themselves name (美国FDA, 欧盟CE, 日本PMDA…), the industry's abbreviations (GMP, CRO,
 * VBP…), and Excel.
 */
export const properNames = new Set([
  "FDA", "CE", "PMDA", "TGA", "WHO", "EMA", "GMP", "GCP", "CRO", "CDMO", "CMO", "VBP", "MAH", "AI", "License-in", "License-out", "MIIT", "Excel",
]);
/** A programme's English name, quoted as Changping 第五条（三） writes it. */
export const properPhrases = ["FDA Breakthrough Devices Program"];

/** Every Latin-letter word of a text that is not a proper name. */
export function englishWords(text: string): string[] {
  let t = text;
  for (const p of properPhrases) t = t.split(p).join(" ");
  return [...t.matchAll(/[A-Za-z][A-Za-z-]*[A-Za-z]|[A-Za-z]/g)].map((m) => m[0]).filter((w) => !properNames.has(w) && w !== "m");
}

const facts = Object.keys(engine().catalog.facts);
const documents = engine().catalog.documents.map((d) => d.id);

/**
 * Internal identifiers a reader must never see: fact names (rdCost, nationalProject, sme),
 * clause and document ids, camel-case codes and schema fields, and what a missing value prints.
 */
export function identifiers(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/\b[a-z]+[A-Z][A-Za-z]*\b/g)) found.add(m[0]);
  for (const d of documents) for (const m of text.matchAll(new RegExp(`\\b${d}\\b(/[0-9a-z.-]+)?`, "g"))) found.add(m[0]);
  for (const f of facts) if (/[A-Z]/.test(f) || f === "sme") if (new RegExp(`\\b${f}\\b`).test(text)) found.add(f);
  for (const m of text.matchAll(/\b(undefined|NaN|null|true|false)\b|\[object Object\]/g)) found.add(m[0]);
  return [...found];
}

/** Runs of five or more digits with no thousands separator: an amount or threshold printed bare. */
export const bareNumbers = (text: string): string[] => [...text.matchAll(/(?<![\d,.])\d{5,}/g)].map((m) => m[0]);
