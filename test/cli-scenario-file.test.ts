import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../src/cli/main";

/** Issue 12, "Found" 1 and 9: scenario files as editors save them, and hostile ones. */

const dir = mkdtempSync(join(tmpdir(), "subsidy-file-"));
const example = readFileSync(join(__dirname, "..", "examples", "changping-device-startup.json"), "utf8");

async function forecastOf(bytes: Uint8Array | string) {
  const file = join(dir, `s${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, bytes);
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(["forecast", file, "--format", "csv"], { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join("\n"), err: err.join("\n").split(file).join("FILE") };
}

test("a UTF-8 file with the byte-order mark Notepad writes is read like one without", async () => {
  const plain = await forecastOf(example);
  const marked = await forecastOf(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(example)]));
  expect(plain.code).toBe(0);
  expect(marked).toEqual(plain);
});

test.each([
  ["UTF-16 LE with its mark", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(example, "utf16le")]), "the file is UTF-16 text; save it as UTF-8"],
  ["UTF-16 BE with its mark", Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(example, "utf16le").swap16()]), "the file is UTF-16 text; save it as UTF-8"],
  ["UTF-16 without a mark", Buffer.from(example, "utf16le"), "the file holds zero bytes: UTF-16 text or not a text file"],
  ["a PNG", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]), "the file holds zero bytes"],
  ["Latin-1 bytes", Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d]), "the file is not UTF-8 text"],
  ["a control character", Buffer.from('{"name": "\u0007\u001b[31m"}'), "the file holds a control character (U+0007)"],
])("%s is refused in one clean line, no raw bytes echoed", async (_what, bytes, said) => {
  const r = await forecastOf(bytes);
  expect(r.code).toBe(1);
  expect(r.err).toContain(`FILE: ${said}`);
  expect(r.err.split("\n")).toHaveLength(2);
  // eslint-disable-next-line no-control-regex
  expect(r.err).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufffd]/);
});

test("a JSON syntax error names the file and stays one short printable line", async () => {
  const r = await forecastOf(`{"schemaVersion": 1, "name": ${"x".repeat(5000)}}`);
  expect(r.code).toBe(1);
  expect(r.err).toMatch(/^subsidy: FILE is not a valid scenario:\n {2}FILE: not valid JSON: /);
  expect(r.err.length).toBeLessThan(300);
});

test("a flag where money is expected names the event and fact, not [DecimalError] Invalid argument: true", async () => {
  const s = JSON.parse(example);
  s.events = [{ type: "other", year: 2027, topic: "registration", facts: { deviceClass: 3, rdCost: true } }];
  const r = await forecastOf(JSON.stringify(s));
  expect(r.code).toBe(1);
  expect(r.err).toContain('events[0].facts.rdCost: fact "rdCost" (R&D cost of the certified product) must be an amount in yuan such as 5000000, "500万" or "1.5亿", got TRUE');
  expect(r.err).not.toContain("DecimalError");
});

test("a certificate by the national review whose product never entered it: warned on stderr, in both languages, and forecast", async () => {
  const plan = JSON.stringify({
    schemaVersion: 1,
    name: "no entry",
    enterprise: { region: "changping", sector: "device" },
    horizon: { from: 2027, to: 2027 },
    events: [{ type: "certificate", year: 2027, product: "P", class: 3, pathway: "innovative", rdCost: "20000000" }],
  });
  const file = join(dir, "no-entry.json");
  writeFileSync(file, plan);
  for (const [lang, word] of [["en-US", "warning: event 1, P's certificate"], ["zh-CN", "提示：第1项事项（P通过国家创新或优先审查程序取得注册证）"]]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(["forecast", file, "--format", "csv", "--lang", lang], { out: (t) => out.push(t), err: (t) => err.push(t) });
    expect(code).toBe(0);
    expect(err.join("\n")).toContain(word);
    // Not a refusal: 30% × 20,000,000 = 6,000,000 (（二）, cap 800万) + 北京 一、3 2,000,000 = 8,000,000.
    expect(out.join("\n")).toContain("8000000");
  }
});
