import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { translate, type Lang } from "../../src/taskpane/i18n";
import { chromiumOnDist, root, screenshot } from "./support";

/*
 * Issue 17's "Done when", in headless Chromium on the built dist/ (preview mode, where the pane
 * keeps its packs in storage through the packs part's reader), at 350 px in both languages: the
 * pane installs the example pack (test/fixtures/suzhou-sip-example, an example, not a real
 * policy), computes with its place, and shows it in the list; hostile packs (huge, deeply
 * nested, wrong types, script-like text, a quote not in its text) are each refused with the
 * message, and nothing changes: the list and the figures stay as they were.
 */

jest.setTimeout(180_000);
const browser = chromiumOnDist();

const fixture = join(root, "test", "fixtures", "suzhou-sip-example");
const packJson = readFileSync(join(fixture, "pack.json"), "utf8");
const packText = readFileSync(join(fixture, "text.txt"), "utf8");
const pack = JSON.parse(packJson) as { examples: { scenario?: unknown }[] };
const dir = mkdtempSync(join(tmpdir(), "packs-e2e-"));

/** A pack folder written for the file dialog: its two files' paths. */
function folder(name: string, json: string, text = packText): string[] {
  mkdirSync(join(dir, name), { recursive: true });
  writeFileSync(join(dir, name, "pack.json"), json);
  writeFileSync(join(dir, name, "text.txt"), text);
  return [join(dir, name, "pack.json"), join(dir, name, "text.txt")];
}

/** The example with another document id, so each hostile pack is refused for what it is, not as a second copy of the one installed. */
const other = (change: (p: Record<string, unknown> & { document: Record<string, unknown> & { clauses: Record<string, unknown>[] } }) => void) => {
  const p = JSON.parse(packJson.split("suzhou-sip-device").join("suzhou-sip-hostile")) as Parameters<typeof change>[0];
  change(p);
  return JSON.stringify(p, null, 2);
};

const scenarioFile = join(dir, "suzhou-scenario.json");
writeFileSync(scenarioFile, JSON.stringify(pack.examples[4].scenario, null, 2));

/** Each hostile pack, and a piece of the problem the pane must show for it. */
const hostile: [string, string[], (t: (k: Parameters<typeof translate>[1], p?: Record<string, string | number>) => string) => string][] = [
  ["huge", folder("huge", `{"pad":"${"x".repeat(1024 * 1024 + 10)}"}`), (t) => t("packs.file.tooLarge", { file: "pack.json", limit: 1 })],
  ["deep", folder("deep", `${'{"a":'.repeat(200)}1${"}".repeat(200)}`), (t) => t("packs.file.unreadable", { file: "pack", reason: "" }).split(/[（(]/)[0]],
  ["wrong types", folder("types", other((p) => ((p.version = 5), (p.document.clauses = "all" as unknown as [])))), () => "suzhou-sip-hostile: version"],
  [
    "script-like text",
    folder(
      "script",
      other((p) => {
        p.document.title = '<script>window.hacked = 1</script><img src=x onerror="window.hacked = 2">';
        p.author = { name: "<b onmouseover=alert(1)>x</b>", contact: "javascript:window.hacked=3" };
        p.document.clauses[0].sentence = "<script>window.hacked = 4</script>";
      }),
    ),
    () => "<script>window.hacked = 4</script>",
  ],
  ["a quote not in its text", folder("misquote", other((p) => (p.document.clauses[1].sentence = "对首次取得第三类医疗器械注册证的产品，给予1000万元补助。"))), () => "对首次取得第三类医疗器械注册证的产品，给予1000万元补助。"],
];

test.each<[Lang, number]>([
  ["en-US", 350],
  ["zh-CN", 350],
])("%s at %i px: the pane installs the example pack, computes with its place, lists it, and refuses hostile packs changing nothing", async (lang, width) => {
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(lang, key, params);
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height: 900 });
  await page.addInitScript(() => {
    if (!sessionStorage.getItem("e2e-tab")) {
      localStorage.clear();
      sessionStorage.setItem("e2e-tab", "1");
    }
  });
  const errors: string[] = [];
  const dialogs: string[] = [];
  const fetched: string[] = [];
  page.on("request", (r) => fetched.push(r.url()));
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(`${browser.url}taskpane.html?officeTimeout=300&lang=${lang}`);
  await page.waitForSelector('[data-testid="wizard"][data-mode="preview"]');

  // The list: the five built-in texts.
  await page.click('[data-testid="step-5"]');
  await page.waitForSelector('[data-testid="packs"]');
  expect(await page.locator('[data-testid="pack-built-in"]').count()).toBe(5);
  // A pane with no pack kept has not fetched the pack schema and the part's reader.
  const packsChunk = (url: string) => /\/pane-packs\.[0-9a-f]+\.js$/.test(url);
  expect(fetched.filter(packsChunk)).toEqual([]);

  // Install: both files of the folder, chosen together.
  await page.setInputFiles('[data-testid="packs-file"]', folder("suzhou-sip-example", packJson));
  const place = lang === "zh-CN" ? "苏州工业园区" : "Suzhou Industrial Park";
  expect(await page.textContent('[data-testid="packs-done"]')).toBe(t("packs.addedOk", { name: "suzhou-sip-device", entries: 4, place }));
  const card = page.locator('[data-testid="pack-suzhou-sip-device"]');
  const title = "苏州工业园区促进医疗器械产业发展若干措施（示例，非真实政策）" + (lang === "en-US" ? " (original Chinese)" : "");
  expect(await card.locator("p").first().textContent()).toBe(title);
  expect(await card.locator("dd").allTextContents()).toEqual([place, "4", t("packs.validRange", { from: "2026-01-01", to: "2028-12-31" }), "2026.1", "测试用示例（非真实政策）", "3268d18f"]);
  await screenshot(page, `packs-installed-${lang}-${width}`);
  expect(fetched.filter(packsChunk)).toHaveLength(1);

  // Compute with its place: the pack's own worked scenario, imported; the Enterprise step shows its place chosen.
  await page.click('[data-testid="step-1"]');
  await page.setInputFiles('[data-testid="import-json"]', scenarioFile);
  const region = page.locator('select[name="enterprise.region"]');
  await region.waitFor();
  expect(await region.inputValue()).toBe("苏州工业园区");
  expect(await region.locator("option:checked").textContent()).toBe(lang === "zh-CN" ? "江苏省 › 苏州市 › 苏州工业园区" : "Jiangsu › Suzhou › Suzhou Industrial Park");
  await page.click('[data-testid="step-4"]');
  await page.waitForSelector('[data-testid="total-ceiling"]');
  // By hand, from the example text: 2027: 第二条 25% × 6,000,000 = 1,500,000 (under 200万元);
  // 2028: 第三条 10% × 8,000,000 + 10% × 5,000,000 = 1,300,000, over 每家企业每年最高不超过100万元:
  // 1,000,000. Ceiling over both years: 1,500,000 + 1,000,000 = 2,500,000.
  const ceiling = "2,500,000 元";
  expect(await page.textContent('[data-testid="total-ceiling"]')).toBe(ceiling);
  // The figures name the pack: title, version, author.
  expect(await page.textContent('[data-testid="results-packs"]')).toContain(t("packs.stampItem", { name: title, version: "2026.1", author: "测试用示例（非真实政策）" }));
  // So does the print: its stamp names the pack with its hash.
  await page.emulateMedia({ media: "print" });
  await page.waitForSelector('[data-testid="print-summary"]');
  expect(await page.textContent('[data-testid="print-summary"]')).toContain(t("packs.stampItem", { name: title, version: "2026.1", author: "测试用示例（非真实政策）" }) + t("packs.stampHash", { hash: "3268d18f" }));
  await page.emulateMedia({ media: "screen" });
  await page.waitForSelector('[data-testid="print-summary"]', { state: "detached" });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

  // Hostile packs: each refused with its message; the list and the figures as before.
  await page.click('[data-testid="step-5"]');
  await page.waitForSelector('[data-testid="packs"]');
  const list = async () => page.locator('[data-testid="packs-list"] > li > p').allTextContents();
  const before = await list();
  expect(before).toHaveLength(6);
  for (const [what, files, message] of hostile) {
    await page.setInputFiles('[data-testid="packs-file"]', files);
    // Each outcome replaces the one before: wait for this pack's.
    await page.waitForFunction((m) => document.querySelector('[data-testid="packs-refused"]')?.textContent?.includes(m), message(t), { timeout: 10_000 }).catch(async () => {
      throw new Error(`${what}: ${await page.textContent('[data-testid="packs"] [role="status"]')}`);
    });
    const text = (await page.textContent('[data-testid="packs-refused"]')) ?? "";
    expect([what, text.includes(t("packs.refused", { file: "pack.json", n: "#" }).split("#")[0])]).toEqual([what, true]);
    expect(await list()).toEqual(before);
    if (what === "script-like text") await screenshot(page, `packs-refused-script-${lang}-${width}`);
  }
  // Nothing from a pack became an element or ran.
  expect(await page.locator('[data-testid="packs"] script, [data-testid="packs"] img, [data-testid="packs"] b').count()).toBe(0);
  expect(await page.evaluate(() => (window as { hacked?: number }).hacked)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

  await page.click('[data-testid="step-4"]');
  await page.waitForSelector('[data-testid="total-ceiling"]');
  expect(await page.textContent('[data-testid="total-ceiling"]')).toBe(ceiling);

  // A reload finds the pack kept, checked and used again.
  await page.reload();
  await page.waitForSelector('[data-testid="wizard"][data-mode="preview"]');
  await page.waitForSelector('[data-testid="total-ceiling"]');
  expect(await page.textContent('[data-testid="total-ceiling"]')).toBe(ceiling);
  expect(errors).toEqual([]);
  await page.close();
});
