import changpingDevice from "../../examples/changping-device-startup.json";
import changpingDrug from "../../examples/changping-drug-developer.json";
import shenzhenPlant from "../../examples/shenzhen-imaging-plant.json";
import type { Lang } from "./i18n";

/**
 * The pane's examples (the scenario files of examples/), each with its words in Chinese: the
 * scenario's name, the enterprise's and every event's label, which a Chinese reader loads and
 * then sees on every step, in the what-ifs made from it and in the files written from it. The
 * files keep English (the CLI and the tests read them); product codes (CX-101, MRI-1.5T) are
 * names in either language.
 */
interface ExampleWords {
  readonly name: string;
  readonly enterprise: string;
  /** An event's label in Chinese, by its English label. */
  readonly labels: Readonly<Record<string, string>>;
}

export const examples = [
  {
    id: "changping-device-startup",
    raw: changpingDevice,
    zh: {
      name: "昌平三类医疗器械初创企业：一个走创新通道的产品",
      enterprise: "立为影像智能（示例）",
      labels: {
        "clinical-trial liability, site A": "临床试验责任险（甲中心）",
        "clinical-trial liability, site B": "临床试验责任险（乙中心）",
        "clinical-trial liability, site C": "临床试验责任险（丙中心）",
        "clinical-trial liability, site D": "临床试验责任险（丁中心）",
        "product liability": "产品责任险",
      },
    },
  },
  {
    id: "shenzhen-imaging-plant",
    raw: shenzhenPlant,
    zh: {
      name: "深圳影像设备制造商：GMP厂房、三张注册证、带量采购",
      enterprise: "鹏城影像（示例）",
      labels: { "new GMP plant, Guangming": "光明新建GMP厂房" },
    },
  },
  {
    id: "changping-drug-developer",
    raw: changpingDrug,
    zh: {
      name: "昌平新药研发企业：1类新药历经Ⅰ至Ⅲ期临床试验至获批",
      enterprise: "生命谷医药（示例）",
      labels: {
        "CX-101: phase I completed": "CX-101：完成Ⅰ期临床试验",
        "CX-202 (class 2, improved): approval": "CX-202（2类改良型新药）：获批上市",
        "CX-101: approval": "CX-101：获批上市",
      },
    },
  },
] as const satisfies readonly { id: string; raw: unknown; zh: ExampleWords }[];

export type ExampleId = (typeof examples)[number]["id"];

/** An example's scenario file as a reader of `lang` loads it: in zh-CN with its Chinese name and labels. */
export function exampleRaw(id: ExampleId, lang: Lang): unknown {
  const example = examples.find((e) => e.id === id)!;
  if (lang !== "zh-CN") return example.raw;
  const words: ExampleWords = example.zh;
  // A copy by JSON (the file is JSON): structuredClone is missing from older WebViews and jsdom.
  const raw = JSON.parse(JSON.stringify(example.raw)) as { name: string; enterprise: { name?: string }; events: { label?: string }[] };
  raw.name = words.name;
  raw.enterprise.name = words.enterprise;
  for (const e of raw.events) if (e.label !== undefined) e.label = words.labels[e.label] ?? e.label;
  return raw;
}
