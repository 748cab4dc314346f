import { createHash, webcrypto } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { packHash } from "../src/cli/pack";
import { packHashText, shortHash } from "../src/engine/packs";

/*
 * A pack's content hash (RULINGS §77): the engine says what is hashed, the host hashes it. The
 * fixture's figure was computed apart from this code, in Python:
 *   j = json.load(pack.json); j.pop("$schema"); t = text.txt with CRLF as LF
 *   hashlib.sha256(json.dumps([j, t], sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()).hexdigest()
 */
const fixture = join(__dirname, "fixtures", "suzhou-sip-example");
const json = () => JSON.parse(readFileSync(join(fixture, "pack.json"), "utf8"));
const text = readFileSync(join(fixture, "text.txt"), "utf8");
const FIXTURE_HASH = "3268d18f1e6655bf302d284f5a1f115fdeb6b517093955c20bb420e3f0368c28";

test("the example pack's hash is the SHA-256 of its canonical JSON and text, as Python computes it", () => {
  expect(packHash(json(), text)).toBe(FIXTURE_HASH);
  expect(shortHash(FIXTURE_HASH)).toBe("3268d18f");
});

test("the add-in's way (crypto.subtle over the UTF-8 bytes) gives the CLI's hash", async () => {
  const bytes = new TextEncoder().encode(packHashText(json(), text));
  const hex = Buffer.from(await webcrypto.subtle.digest("SHA-256", bytes)).toString("hex");
  expect(hex).toBe(FIXTURE_HASH);
});

test("layout, key order, the editor's $schema and Windows line ends leave it; a changed word or cap does not", () => {
  const j = json();
  const reordered = Object.fromEntries(Object.entries(j).reverse());
  delete reordered.$schema;
  expect(packHash(JSON.parse(JSON.stringify(reordered, null, 4)), text.replace(/\n/g, "\r\n"))).toBe(FIXTURE_HASH);
  const capped = json();
  capped.document.clauses[3].caps[0].amount = "5000001";
  expect(packHash(capped, text)).not.toBe(FIXTURE_HASH);
  expect(packHash(j, text.replace("15%", "16%"))).not.toBe(FIXTURE_HASH);
});

test("any two different JSON values hash apart; one value in any key order hashes alike", () => {
  const sha = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");
  fc.assert(
    fc.property(fc.jsonValue(), fc.jsonValue(), fc.string(), (a, b, t) => {
      const shuffled = JSON.parse(JSON.stringify(a, (_k, v) => (v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v)));
      expect(sha(packHashText(shuffled, t))).toBe(sha(packHashText(a, t)));
      // Canonical text is one-to-one on what JSON can say (-0 and 0 are one JSON number).
      const same = JSON.stringify(packHashText(a, "")) === JSON.stringify(packHashText(b, ""));
      const equal = canonicalEqual(a, b);
      expect(same).toBe(equal);
    }),
  );
});

/** Deep equality of JSON values, ignoring key order, -0 as 0 (JSON writes both "0"), $schema at the top aside. */
function canonicalEqual(a: unknown, b: unknown, top = true): boolean {
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => canonicalEqual(x, b[i], false));
  if (a && b && typeof a === "object" && typeof b === "object") {
    const keys = (o: object) => Object.keys(o).filter((k) => !(top && k === "$schema")).sort();
    const [ka, kb] = [keys(a), keys(b)];
    return ka.length === kb.length && ka.every((k, i) => k === kb[i] && canonicalEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], false));
  }
  return a === b || (typeof a === "number" && typeof b === "number" && a === b);
}
