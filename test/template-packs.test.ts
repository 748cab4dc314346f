import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../src/cli/main";
import { PACKS_PART_NAMESPACE, readPacksPart } from "../src/workbook/packs-part";
import { readTemplate } from "./support/template-reader";

/*
 * `subsidy template --pack`: the workbook carries the packs it was computed with (the vm test,
 * test/addin/workbook-packs.test.ts, opens one with the built functions.js); a template without
 * --pack carries none; a pack whose text a workbook cannot hold writes nothing.
 */

const fixture = join(__dirname, "fixtures", "suzhou-sip-example");
const dir = mkdtempSync(join(tmpdir(), "template-packs-"));
const run = async (...args: string[]) => {
  const err: string[] = [];
  const code = await main(["template", ...args, "--store", "none"], { out: () => undefined, err: (t) => err.push(t) });
  return { code, err };
};
const packParts = async (file: string) => Object.values((await readTemplate(file)).parts).filter((x) => x.includes(PACKS_PART_NAMESPACE));

test("with --pack the workbook carries the pack as its folder holds it; without, no packs part", async () => {
  const withPack = join(dir, "with.xlsx");
  expect(await run(withPack, "--pack", fixture)).toEqual({ code: 0, err: [] });
  const [part] = await packParts(withPack);
  expect(readPacksPart(part)).toEqual({
    ok: true,
    value: [{ name: "suzhou-sip-example", json: readFileSync(join(fixture, "pack.json"), "utf8"), text: readFileSync(join(fixture, "text.txt"), "utf8") }],
  });
  const without = join(dir, "without.xlsx");
  expect(await run(without)).toEqual({ code: 0, err: [] });
  expect(await packParts(without)).toEqual([]);
}, 60_000);

test.each([
  ["en-US", 'the pack "bad-text": its text cannot go into a workbook (U+FFFE): XML cannot hold it, or it is beyond what a workbook carries; nothing was written'],
  ["zh-CN", "政策包“bad-text”的 text 无法存入工作簿（U+FFFE）：XML 不能容纳此内容，或超出工作簿所能携带的上限；未写入任何文件"],
])("a pack text XML cannot hold (the non-character U+FFFE, which the CLI reads as UTF-8): refused in %s, nothing written", async (lang, message) => {
  const pack = join(dir, "bad-text");
  cpSync(fixture, pack, { recursive: true });
  writeFileSync(join(pack, "text.txt"), `${readFileSync(join(fixture, "text.txt"), "utf8")}\ufffe`);
  const out = join(dir, `bad-${lang}.xlsx`);
  expect(await run(out, "--pack", pack, "--lang", lang)).toEqual({ code: 1, err: [`subsidy: ${message}`] });
  expect(existsSync(out)).toBe(false);
});
