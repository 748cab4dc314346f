import { parseArgs } from "node:util";
import { ScenarioError, type Lang } from "../engine";
import { diffFigures, diffPacks, forecastOn, packDiffText, scenarioRevisionText } from "../engine/pack-diff";
import { allApproved, catalogWithPacks } from "../engine/packs";
import { readScenarioJson } from "./forecast";
import type { Io } from "./main";
import { loadPacks } from "./pack";

/*
 * `subsidy pack diff OLD NEW [--scenario FILE]`: what a revision of a pack changes, entry by entry,
 * and with a scenario what it changes in its figures. The diff and its words are the engine's
 * (engine/packs.ts), so the task pane says the same; this reads the files and prints.
 * Exit status as diff(1) has it (RULINGS §78): 0 the same, 1 they differ, 2 they could not be compared.
 */

interface DiffWords {
  readonly usage: string;
  notChecked(which: string): string;
  scenario(file: string, version: string): string;
}

const diffWords: Readonly<Record<Lang, DiffWords>> = {
  "en-US": {
    usage: "Usage: subsidy pack diff OLD NEW [--scenario scenario.json] [--lang zh-CN|en-US]\n  lists what NEW changes against OLD, entry by entry; with a scenario, its figures under each version.\n  Exit status: 0 the same, 1 they differ, 2 they could not be compared.",
    notChecked: (which) => `pack diff: the ${which} version must pass pack check first`,
    scenario: (file, version) => `${file} cannot be forecast with version ${version}:`,
  },
  "zh-CN": {
    usage: "用法：subsidy pack diff 旧版 新版 [--scenario 方案.json] [--lang zh-CN|en-US]\n  逐条列出新版相对旧版的改动；给出方案时，列出两版下该方案的数字。\n  退出码：0 两版相同，1 有改动，2 无法比较。",
    notChecked: (which) => `pack diff：${which === "old" ? "旧版" : "新版"}须先通过政策包检查`,
    scenario: (file, version) => `${file} 无法按 ${version} 版预测：`,
  },
};

export function packDiff(argv: readonly string[], io: Io, lang: Lang): number {
  const say = diffWords[lang];
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, options: { scenario: { type: "string" } } });
  } catch {
    io.err(say.usage);
    return 2;
  }
  const { positionals, values } = parsed;
  if (positionals.length !== 2) {
    io.err(say.usage);
    return 2;
  }
  // Each version checked on its own over the bundled catalog: the two share their ids.
  const versions: ReturnType<typeof loadPacks>[] = [];
  for (const [path, which] of [[positionals[0], "old"], [positionals[1], "new"]] as const) {
    const loaded = loadPacks([path], io, lang);
    if (!loaded) {
      io.err(say.notChecked(which));
      return 2;
    }
    versions.push(loaded);
  }
  const [old, revised] = versions as NonNullable<ReturnType<typeof loadPacks>>[];
  const diff = diffPacks(old.packs[0], revised.packs[0]);
  for (const line of packDiffText(diff, lang)) io.out(line);

  if (values.scenario !== undefined) {
    const file = values.scenario;
    let forecasts;
    try {
      const raw = readScenarioJson(file, lang);
      forecasts = [old, revised].map((v) => {
        try {
          // Each version's figures as they would be once in use (approved, if it replaces a text).
          return forecastOn(catalogWithPacks(v.base, v.packs, allApproved(v.packs)), raw);
        } catch (e) {
          if (e instanceof ScenarioError) io.err(say.scenario(file, v.packs[0].pack.version));
          throw e;
        }
      });
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      for (const p of e.problemsIn(lang)) io.err(`  ${p}`);
      return 2;
    }
    io.out("");
    for (const line of scenarioRevisionText(diffFigures(forecasts[0], forecasts[1]), lang)) io.out(line);
  }
  return diff.identical ? 0 : 1;
}
