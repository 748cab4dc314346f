import type { Lang } from "../engine";

/**
 * The command line's own words, per language (--lang, else LC_ALL, LC_MESSAGES or LANG): usage,
 * refusals, the catalog listing and the forecast's headings. Explanations, forecast lines and
 * tables are the engine's formatters'; a function's messages are src/functions/words.ts's.
 */
export interface CliWords {
  readonly usage: string;
  lang(got: string): string;
  region(got: string): string;
  topic(topics: readonly string[]): string;
  readonly nonMonetary: string;
  readonly draft: string;
  limits(text: string): string;
  workingDays(days: string): string;
  format(formats: readonly string[]): string;
  readonly oneFile: string;
  view(codes: readonly string[]): string;
  readonly draws: string;
  readonly seed: string;
  forecastUsage(views: readonly string[]): string;
  notScenario(file: string): string;
  progress(done: number, total: number): string;
  readonly viewLabel: string;
  readonly linesByYear: string;
  /** The headings of the tables that are not views by year. */
  readonly rollforwardTitle: string;
  /** The heading of the two treatments' table under the non-taxable view, naming the clauses set non-taxable. */
  readonly treatmentsTitle: (clauses: readonly string[]) => string;
  readonly lossesTitle: string;
  readonly noProfitBeforeSupport: string;
  /** Before a plan warning on stderr. */
  readonly warning: string;
  after(year: number): string;
  /** What falls before the horizon's first year (a reward's costs of earlier years). */
  before(year: number): string;
  /** `said`: what the system said, which en-US shows as it is. */
  cannotRead(file: string, code: string, said: string): string;
  readonly utf16: string;
  readonly zeroBytes: string;
  readonly notUtf8: string;
  control(code: string): string;
  /** `said`: V8's own English words, which en-US shows; `line`, `column` where it stopped, if known. */
  notJson(said: string, line?: number, column?: number): string;
}

const usageEn = `Usage:
  subsidy call NAME [ARG…] [--lang zh-CN|en-US]
                                     call a SUBSIDY function as Excel would (an empty ARG is omitted)
  subsidy clauses [--region R] [--topic T] [--json | --markdown] [--lang zh-CN|en-US]
                                     list the clause catalog with citations
  subsidy forecast scenario.json [--format table|csv|json] [--draws N] [--seed S] [--lang zh-CN|en-US]
                                     year-by-year forecast of a scenario file (see examples/)
  subsidy template out.xlsx [--scenario scenario.json] [--force] [--lang zh-CN|en-US]
                 [--store registry|share=PATH|admin|appsource=ID|none] [--manifest manifest.xml]
                                     a shareable workbook: Inputs, live SUBSIDY formulas, a view in
                                     ten thousands of yuan (万元), a values sheet, the add-in named
                                     so Excel offers it
  subsidy schema [pack]              the scenario file's (or a policy pack's) JSON Schema
  subsidy pack new DIR               scaffold a policy pack: an example text and one entry of each formula kind
  subsidy pack check PATH…           check packs: schema, quotes verbatim, facts labelled, examples, overlaps, places
  subsidy pack test PATH…            run the packs' worked examples, expected beside actual
  subsidy pack diff OLD NEW [--scenario scenario.json]
                                     what a revision changes, entry by entry, and in a scenario's figures
                                     (exit 0 the same, 1 they differ, 2 not comparable)
  --pack PATH (repeatable) on call, clauses, forecast and template adds a checked pack to the catalog
  (one that replaces a text only with --approve-replace; a template's workbook carries it);
  a region is a place of the tree (changping, 昌平区, 北京市›昌平区, a pack's place), optionally +zone
  (beijing+中关村示范区). See docs/PACKS.md.
Examples:
  subsidy call REGISTRATION 3 5000000 shenzhen
  subsidy call REGISTRATION 3 "500万" shenzhen
  subsidy call EXPLAIN REGISTRATION 3 40000000 changping innovative
  subsidy call --lang zh-CN EXPLAIN REGISTRATION 3 40000000 changping innovative
  subsidy clauses --region shenzhen --topic registration
Words (messages, tables, explanations, forecast lines) are in --lang, else the language of LC_ALL,
LC_MESSAGES or LANG, else en-US. CSV and JSON keep their codes as column names in every language.`;

const usageZh = `用法：
  subsidy call 函数名 [参数…] [--lang zh-CN|en-US]
                                     像 Excel 一样调用 SUBSIDY 函数（空参数 "" 表示省略）
  subsidy clauses [--region 地区] [--topic 主题] [--json | --markdown] [--lang zh-CN|en-US]
                                     列出政策条款目录及出处
  subsidy forecast 情景.json [--format table|csv|json] [--draws 次数] [--seed 种子] [--lang zh-CN|en-US]
                                     按年预测情景文件的补贴（示例见 examples/）
  subsidy template 输出.xlsx [--scenario 情景.json] [--force] [--lang zh-CN|en-US]
                 [--store registry|share=路径|admin|appsource=编号|none] [--manifest manifest.xml]
                                     可分享的工作簿：输入表、实时 SUBSIDY 公式、万元视图、
                                     数值表，并写明加载项，Excel 会提示加载
  subsidy schema [pack]              情景文件（或政策包）的 JSON Schema
  subsidy pack new 文件夹            新建政策包：一段示例文本，每种公式一个条目
  subsidy pack check 路径…           检查政策包：结构、引文逐字、事实标注、算例、重叠、地点
  subsidy pack test 路径…            运行政策包的算例，列出预期与实际
  subsidy pack diff 旧版 新版 [--scenario 方案.json]
                                     逐条列出修订的改动及方案数字的变化（退出码 0 相同，1 有改动，2 无法比较）
  --pack 路径（可重复）用于 call、clauses、forecast 和 template，把检查通过的政策包加入条款目录
  （取代现有条文的政策包须加 --approve-replace；template 写出的工作簿随带该政策包）；
  地区是地点树中的一个地点（changping、昌平区、北京市›昌平区、政策包中的地点），可加 +园区
  （beijing+中关村示范区）。详见 docs/PACKS.md。
示例：
  subsidy call REGISTRATION 3 5000000 shenzhen
  subsidy call 注册证 3 500万 深圳
  subsidy call EXPLAIN REGISTRATION 3 40000000 changping innovative
  subsidy call --lang zh-CN EXPLAIN REGISTRATION 3 40000000 changping innovative
  subsidy clauses --region shenzhen --topic registration
文字（提示、表格、计算说明、预测明细）使用 --lang 指定的语言，否则取 LC_ALL、LC_MESSAGES 或 LANG
的语言，否则为英文。CSV 和 JSON 的列名在任何语言下都保留代码。`;

/** What the system's commonest refusals to read a file mean (Node's error codes). */
const systemErrors: Readonly<Record<string, string>> = { ENOENT: "文件不存在", EACCES: "没有读取权限", EPERM: "没有读取权限", EISDIR: "这是一个文件夹，不是文件" };

export const cliWords: Readonly<Record<Lang, CliWords>> = {
  "en-US": {
    usage: usageEn,
    lang: (got) => `--lang must be zh-CN or en-US, got "${got}"`,
    region: (got) => `--region must be changping, beijing or shenzhen, got "${got}"`,
    topic: (topics) => `--topic must be one of: ${topics.join(", ")}`,
    nonMonetary: "non-monetary",
    draft: "draft",
    limits: (text) => `limits: ${text}`,
    workingDays: (days) => `time limit: ${days} working days`,
    format: (formats) => `--format must be one of ${formats.join(", ")}`,
    oneFile: "give one scenario file",
    view: (codes) => `--view must be one of ${codes.join(", ")} (or 应享, 现金, 损益, 递延收益, 税, 税后)`,
    draws: "--draws must be a whole number from 1 to 100000",
    seed: "--seed must be a whole number",
    forecastUsage: (views) => `Usage: subsidy forecast scenario.json [--view ${views.join("|")}] [--format table|csv|json] [--draws N] [--seed S] [--lang zh-CN|en-US]`,
    notScenario: (file) => `${file} is not a valid scenario:`,
    progress: (done, total) => `forecasting: ${done}/${total} `,
    viewLabel: "view",
    linesByYear: "Lines (ceiling by year):",
    rollforwardTitle: "roll-forward (expected): grant receivable, deferred income, deferred tax",
    treatmentsTitle: (clauses) => `Both treatments, current tax (${clauses.join(", ")}, expected):`,
    lossesTitle: "losses carried forward (expected): the support's current tax",
    noProfitBeforeSupport: "the scenario gives no profit before support (accounting.profitBeforeSupport)",
    warning: "warning: ",
    after: (year) => `after ${year}`,
    before: (year) => `before ${year}`,
    cannotRead: (file, _code, said) => `${file}: ${said}`,
    utf16: "the file is UTF-16 text; save it as UTF-8 (in Notepad: Save as, Encoding: UTF-8)",
    zeroBytes: "the file holds zero bytes: UTF-16 text or not a text file; a scenario is JSON, save it as UTF-8 (in Notepad: Save as, Encoding: UTF-8)",
    notUtf8: "the file is not UTF-8 text (a binary file, or another encoding); a scenario is JSON, save it as UTF-8 (in Notepad: Save as, Encoding: UTF-8)",
    control: (code) => `the file holds a control character (U+${code}) that JSON text never has: not a scenario file`,
    notJson: (said) => `not valid JSON: ${said}`,
  },
  "zh-CN": {
    usage: usageZh,
    lang: (got) => `--lang 应为 zh-CN 或 en-US（输入为 "${got}"）`,
    region: (got) => `--region 应为 changping、beijing 或 shenzhen（输入为 "${got}"）`,
    topic: (topics) => `--topic 应为以下之一：${topics.join("、")}`,
    nonMonetary: "无金额",
    draft: "征求意见稿",
    limits: (text) => `上限与限制：${text}`,
    workingDays: (days) => `时限：${days} 个工作日`,
    format: (formats) => `--format 应为 ${formats.join("、")} 之一`,
    oneFile: "请给出一个情景文件",
    view: (codes) => `--view 应为 应享、现金、损益、递延收益、税、税后 之一（或 ${codes.join("、")}）`,
    draws: "--draws 应为 1 到 100000 之间的整数",
    seed: "--seed 应为整数",
    forecastUsage: (views) => `用法：subsidy forecast 情景.json [--view ${views.join("|")}] [--format table|csv|json] [--draws 次数] [--seed 种子] [--lang zh-CN|en-US]`,
    notScenario: (file) => `${file} 不是有效的情景文件：`,
    progress: (done, total) => `预测中：${done}/${total} `,
    viewLabel: "视图",
    linesByYear: "各条款（上限，按年）：",
    rollforwardTitle: "余额变动（预期）：应收政府补助、递延收益、递延所得税",
    treatmentsTitle: (clauses) => `两种处理的当期所得税对比（${clauses.join("、")}，预期）：`,
    lossesTitle: "亏损弥补（预期）：补助的当期所得税",
    noProfitBeforeSupport: "情景未设定补助前应纳税所得额（accounting.profitBeforeSupport）",
    warning: "提示：",
    after: (year) => `${year} 年以后`,
    before: (year) => `${year} 年以前`,
    cannotRead: (file, code) => `${file}：无法读取该文件（${systemErrors[code] ?? `系统错误 ${code}`}）`,
    utf16: "该文件是 UTF-16 文本；请另存为 UTF-8（记事本：另存为，编码选 UTF-8）",
    zeroBytes: "该文件含有零字节：是 UTF-16 文本或不是文本文件；情景文件是 JSON，请另存为 UTF-8（记事本：另存为，编码选 UTF-8）",
    notUtf8: "该文件不是 UTF-8 文本（二进制文件或其他编码）；情景文件是 JSON，请另存为 UTF-8（记事本：另存为，编码选 UTF-8）",
    control: (code) => `该文件含有 JSON 文本中不会出现的控制字符（U+${code}）：不是情景文件`,
    notJson: (_said, line, column) => `不是有效的 JSON${line === undefined ? "" : `（第 ${line} 行第 ${column} 列附近）`}`,
  },
};
