import { performance } from "node:perf_hooks";
import { engine, topics } from "../src/engine";
import { packHash } from "../src/cli/pack";
import { catalogWithPacks, checkPacks, readPack } from "../src/engine/packs";

/**
 * Loading and checking a 60-entry pack (issue 17: at most 50 ms, reported, not asserted): the
 * pack read (its content hashed, English filled, the schema), checked against the bundled catalog (quotes, facts,
 * examples, ids, places, overlaps) and the catalog with it built, as `--pack` does on every
 * command. The pack is made here, one rate entry per article, a topic each in turn.
 */
export function sixtyEntryPack() {
  const n = 60;
  const lines = ["基准市促进产业发展若干措施（基准测试用示例，非真实政策）"];
  const clauses = [];
  const accounting: Record<string, unknown> = {};
  for (let i = 1; i <= n; i++) {
    const cap = `第${i}条所述支持最高不超过${i * 10}万元`;
    const sentence = `第${i}条  对符合条件的企业，按其研发投入的${i % 50 || 50}%给予支持，${cap}。`;
    lines.push(sentence);
    const topic = topics[i % topics.length];
    clauses.push({
      id: `bench-city/${i}`,
      article: `第${i}条`,
      sentence: sentence.replace(/^第\d+条\s+/, ""),
      topic,
      matter: topic,
      summary: { zh: `第${i}条：研发投入的${i % 50 || 50}%` },
      formula: { kind: "rate", rate: String((i % 50 || 50) / 100), base: "rdCost" },
      caps: [{ amount: String(i * 100000), per: { zh: "每个项目" }, sentence: cap }],
    });
    accounting[`bench-city/${i}`] = { class: "incurred", words: "按其研发投入", zh: "按已发生的研发投入" };
  }
  lines.push("同一事项符合本措施多项条款的，按照从优不重复的原则予以支持。");
  const json = {
    format: 1,
    version: "1",
    author: { name: "bench" },
    places: { places: [{ id: "bench-city", parent: "cn", kind: "city", zh: "基准市" }] },
    document: {
      id: "bench-city",
      file: "text.txt",
      title: "基准市促进产业发展若干措施（示例）",
      jurisdiction: "bench-city",
      level: "municipal",
      status: "in-force",
      sectors: ["device"],
      stacking: { article: "附则", sentence: "同一事项符合本措施多项条款的，按照从优不重复的原则予以支持。" },
      clauses,
    },
    accounting,
    examples: [{ name: "全部条款", call: ["REGISTRATION", 3, 1, "基准市"], expected: "0", arithmetic: "基准测试", entries: clauses.map((c) => c.id) }],
  };
  return { path: "bench-city", json, text: lines.join("\n") };
}

export function packFigures(rounds: number): { ms: number[]; median: number; entries: number } {
  const source = sixtyEntryPack();
  const base = engine().catalog;
  const once = () => {
    // The host's SHA-256 of the pack's content is part of reading it (RULINGS §77).
    const read = readPack({ ...source, hash: packHash(source.json, source.text) });
    if (!read.pack) throw new Error(`bench pack: ${JSON.stringify(read.problems[0])}`);
    const problems = checkPacks(base, [read.pack]);
    if (problems.length) throw new Error(`bench pack: ${JSON.stringify(problems[0])}`);
    return catalogWithPacks(base, [read.pack], new Set());
  };
  for (let i = 0; i < 3; i++) once(); // warm-up: the schema and the checks compiled
  const ms: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    once();
    ms.push(performance.now() - t);
  }
  const sorted = [...ms].sort((a, b) => a - b);
  return { ms, median: sorted[Math.floor(sorted.length / 2)], entries: source.json.document.clauses.length };
}
