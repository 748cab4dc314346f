import { zhNames } from "../../src/functions/zh-names";
import { readMetadata } from "./support";
const loader = require("../../scripts/zh-names-loader.js") as { zhNames(json: unknown): unknown };
const table = require("../../src/functions/zh-cn.json") as unknown;

/*
 * The names a Chinese cell's messages use (src/functions/zh-names.ts) are the names Chinese
 * Excel's Insert Function dialog shows (dist/functions-zh-cn.json), whether read in Node or
 * emitted for the bundle at build time (scripts/zh-names-loader.js).
 */

test("the build's table and Node's are the same", () => {
  expect(loader.zhNames(table)).toEqual(zhNames);
});

test("every function and parameter of the built metadata has its Chinese name, as the zh-CN metadata shows it", () => {
  const en = readMetadata("functions.json").functions;
  const zh = readMetadata("functions-zh-cn.json").functions;
  for (const f of en) {
    const shown = zh.find((x) => x.id === f.id)!;
    expect(zhNames[f.id].name).toBe(shown.name);
    f.parameters.forEach((p, i) => expect([f.id, p.name, zhNames[f.id].parameters[p.name]]).toEqual([f.id, p.name, shown.parameters[i].name]));
  }
});
