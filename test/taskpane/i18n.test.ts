import { engine } from "../../src/engine";
import { catalogs, langOf, translate, type Lang } from "../../src/taskpane/i18n";

/* Both languages say everything: the same keys, the same parameters, nothing empty. */

const keys = (lang: Lang) => Object.keys(catalogs[lang]).sort();
const params = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test("zh-CN and en-US have the same keys", () => {
  expect(keys("zh-CN")).toEqual(keys("en-US"));
  expect(keys("en-US").length).toBeGreaterThan(150);
});

test("each message has the same parameters in both languages, and none is empty", () => {
  for (const key of keys("en-US") as (keyof (typeof catalogs)["en-US"])[]) {
    expect([key, params(catalogs["zh-CN"][key])]).toEqual([key, params(catalogs["en-US"][key])]);
    expect(catalogs["en-US"][key].trim()).not.toBe("");
    expect(catalogs["zh-CN"][key].trim()).not.toBe("");
  }
});

test("the Chinese catalog is Chinese (no message left in English by mistake)", () => {
  const untranslated = keys("zh-CN").filter((k) => {
    const zh = catalogs["zh-CN"][k as keyof (typeof catalogs)["zh-CN"]];
    return zh === catalogs["en-US"][k as keyof (typeof catalogs)["en-US"]] && /[a-z]{4,}/i.test(zh.replace(/\{\w+\}/g, "")) && !/^(English|中文)$/.test(zh);
  });
  expect(untranslated).toEqual([]);
});

test("Office's display language picks the catalog", () => {
  expect(langOf("zh-CN")).toBe("zh-CN");
  expect(langOf("zh-TW")).toBe("zh-CN");
  expect(langOf("ZH")).toBe("zh-CN");
  expect(langOf("en-GB")).toBe("en-US");
  expect(langOf("de-DE")).toBeUndefined();
  expect(langOf(undefined)).toBeUndefined();
});

test("parameters are filled in; a missing one stays visible", () => {
  expect(translate("en-US", "steps.counter", { n: 2, total: 5 })).toBe("Step 2 of 5");
  expect(translate("zh-CN", "steps.counter", { n: 2, total: 5 })).toBe("第 2 步，共 5 步");
  expect(translate("en-US", "steps.counter", { n: 2 })).toBe("Step 2 of {total}");
});

test("every policy document of the catalog has a short name for narrow columns, in both languages", () => {
  for (const doc of engine().catalog.documents) {
    expect(Object.keys(catalogs["en-US"])).toContain(`policy.${doc.id}`);
    expect(Object.keys(catalogs["zh-CN"])).toContain(`policy.${doc.id}`);
  }
});
