import type { Condition, LeafCondition, Topic } from "../catalog/schema";
import { shortHash } from "../catalog/pack-hash";
import { codeText } from "./codes";
import type { BindingCap } from "./trace";
import { boundText, factName, rate, refs, sep, valueText, type FactTable } from "./common";
import { sourceOf } from "./sources";
import type { Source, Words } from "./words";

const topicWords: Record<Topic, string> = {
  registration: "注册证",
  innovativeReviewEntry: "进入创新或优先审查程序",
  fdaBreakthrough: "进入美国FDA突破性器械项目",
  localProduction: "落地生产",
  rd: "研发投入",
  insurance: "保险",
  rdCentre: "研发中心、重点实验室",
  innovation: "原始创新、技术攻关",
  digital: "人工智能与数智化",
  majorProject: "重大项目",
  specialFundMatching: "国家级、市级专项配套",
  space: "产业空间与租金",
  scaleup: "单品种年产值首次突破",
  revenue: "主营业务收入首次突破",
  platform: "公共服务平台",
  firstSet: "首台（套）",
  vbp: "带量采购",
  clinicalApplication: "应用示范与上市后评价",
  overseas: "出海",
  events: "会议、论坛、展会",
  clinical: "新药临床试验",
  drugRegistration: "药品注册证书",
  mah: "上市许可持有人与委托生产",
  salesPlatform: "销售平台",
  talent: "人才",
  finance: "基金与信贷",
  facility: "GMP厂房",
  clinicalService: "医疗机构临床试验服务",
  institution: "机构、期刊、联盟",
  training: "培训",
  regulatory: "审评审批、检验检测、通关",
  market: "入院与采购",
  environment: "营商环境与用地",
};

const sourceWords: Record<Source, string> = {
  enterprise: "情景中的企业信息",
  financials: "情景中的年度财务数据",
  certificate: "情景中的注册证事件",
  innovativeReview: "情景中的进入审查程序事件",
  fdaBreakthrough: "情景中的FDA突破性器械事件",
  clinical: "情景中的临床试验事件",
  output: "情景中的产值事件",
  vbp: "情景中的带量采购事件",
  firstSet: "情景中的首台（套）事件",
  insurance: "情景中的保险事件",
  facility: "情景中的厂房事件",
  eventFacts: "情景中事件的补充事实（输入表的“事实”列）",
};

const eventWords: Record<string, string> = {
  innovativeReview: "进入创新审查程序",
  fdaBreakthrough: "进入美国FDA突破性器械项目",
  vbp: "带量采购",
  firstSet: "首台（套）",
  insurance: "保险",
  facility: "GMP厂房",
};

const ops = { gte: "不低于", gt: "超过", lt: "不足", lte: "不超过" } as const;

/** 简体中文：金额以元计、带千位分隔符，事实用目录中的中文名称。 */
export function zhCN(facts: FactTable): Words {
  const yuan = (x: string) => `${x}元`;
  const unitWords: Record<string, string> = { "m²": "平方米", projects: "项", USD: "美元" };
  const quantity = (x: string, unit: string | undefined) => (unit && unit !== "yuan" ? `${x}${unitWords[unit] ?? unit}` : x);
  const code = (fact: string, v: string | number) => codeText(fact, v, "zh-CN");
  const fact = (name: string) => factName(facts, name, "zh");
  const value = (f: string, v: unknown) => valueText(facts, f, v, { yuan, quantity, code, yes: "是", no: "否" });
  const sum = (ref: string | readonly string[]) => refs(ref).map(fact).join("＋");

  const leaf = (c: LeafCondition): string => {
    if (c.op === "is") return c.value ? `须满足“${fact(c.fact)}”` : `须不属于“${fact(c.fact)}”`;
    if (c.op === "in") return `${fact(c.fact)}须为${c.value.map((v) => code(c.fact, v)).join("或")}`;
    return `${sum(c.fact)}须${ops[c.op]}${boundText(facts, c, { yuan, quantity })}`;
  };
  const cap = (c: BindingCap) => `${c.per.zh}${c.perUnit ? "" : "不超过"}${yuan(sep(c.amount))}`;
  const condition = (c: Condition): string => ("any" in c ? c.any.map((b) => b.map(leaf).join("且")).join("；或") : leaf(c));

  return {
    lang: "zh-CN",
    yuan,
    quantity,
    fact,
    value,
    step(s) {
      switch (s.code) {
        case "rate":
          return `${s.assumed ? "按假定比例：" : ""}${sum(s.base)}${yuan(sep(s.value))}${s.standsFor ? `（假设：未填写“${sum(s.standsFor)}”，以此代替）` : ""} × ${rate(s.rate)} = ${yuan(sep(s.result))}`;
        case "fixed":
          if (!s.quoted) return `定额${yuan(sep(s.amount))}`;
          return s.ceiling ? `不超过${yuan(sep(s.amount))}（原文“${s.quoted}”）` : `${yuan(sep(s.amount))}（原文“${s.quoted}”）`;
        case "lookup":
          return `${fact(s.fact)}为${value(s.fact, s.key)} → ${yuan(sep(s.result))}`;
        case "milestone":
          return s.threshold
            ? `${fact(s.fact)}${value(s.fact, s.now)}，首次突破${value(s.fact, s.threshold)}（以往最高${value(s.fact, s.before)}）→ ${yuan(sep(s.result))}`
            : `${fact(s.fact)}${value(s.fact, s.now)}，未首次突破任何档位（以往最高${value(s.fact, s.before)}）→ 0元`;
        case "tier":
          return s.threshold
            ? `${fact(s.fact)}${value(s.fact, s.now)}，达到${value(s.fact, s.threshold)}档 → ${yuan(sep(s.result))}`
            : `${fact(s.fact)}${value(s.fact, s.now)}，未达到任何档位 → 0元`;
        case "unspecified":
          return s.assumes === "amount" ? "原文未规定金额（定额／一定支持）：未设假定金额时为0元" : "原文未规定比例（一定比例）：未设假定比例时为0元";
        case "assumedAmount":
          return `假定金额${yuan(sep(s.amount))}`;
        case "unitCap":
          return `上限：${s.per.zh}${yuan(sep(s.amount))} × ${value(s.fact, s.units)} = ${yuan(sep(s.limit))}`;
        case "capped":
          return `受上限约束，为${yuan(sep(s.result))}（${cap(s.cap)}，原文“${s.cap.sentence}”）`;
        case "advance":
          return `扣除该产品进入审查程序时已先期给予的支持（${s.article}）：${yuan(sep(s.before))} − ${yuan(sep(s.advance))} → ${yuan(sep(s.result))}`;
      }
    },
    cap,
    condition,
    reason(r) {
      switch (r.code) {
        case "outOfValidity":
          return `${r.year}年不在有效期内（有效期${r.from ?? "未载明"}至${r.to ?? "未载明"}）`;
        case "otherSector":
          return `适用于${r.sectors.map((s) => code("sector", s)).join("和")}企业，不适用于${code("sector", String(r.sector))}企业`;
        case "notMet": {
          const given = Object.entries(r.given).map(([f, v]) => (Object.keys(r.given).length === 1 ? value(f, v) : `${fact(f)}为${value(f, v)}`));
          return `条件不满足：${condition(r.condition)}${given.length ? `（此处为${given.join("；")}）` : ""}`;
        }
        case "unknown": {
          const pays =
            r.wouldPay === undefined
              ? "金额取决于这些信息"
              : r.unspecified
                ? `即使满足，原文也未规定金额（未设假定${r.unspecified === "amount" ? "金额" : "比例"}时为0元）`
                : r.upTo
                  ? `最高可得${yuan(sep(r.wouldPay))}，视其数额而定`
                  : `如满足，可得${yuan(sep(r.wouldPay))}`;
          const by = r.facts.length === 1 ? `由${sourceWords[sourceOf(r.facts[0])]}填写` : r.facts.map((f) => `“${fact(f)}”由${sourceWords[sourceOf(f)]}填写`).join("；");
          return `缺少信息：${r.facts.map((f) => `“${fact(f)}”`).join("、")}；${pays}。${by}`;
        }
        case "outsideWindow":
          return `不在支持年限内：“${r.sentence}”为${r.from}至${r.to}年，不含${r.year}年`;
        case "onceTaken":
          return r.perEnterprise
            ? `只支持一次（“${r.sentence}”）：该企业已获此项支持`
            : `每个产品${r.perClass ? "每类" : ""}只支持一次（“${r.sentence}”）：该产品已获此项支持`;
      }
    },
    note(n) {
      switch (n.code) {
        case "annualCapReduced":
          return `由${yuan(sep(n.from))}减至${yuan(sep(n.to))}：单个企业年度上限${yuan(sep(n.cap))}（${n.title.zh}${n.article}：“${n.sentence}”）`;
        case "yearsUsedUp":
          return `不予支持：累计不超过${n.maxYears}年，该项支持的${n.maxYears}年已用满`;
        case "totalReduced":
          return `由${yuan(sep(n.from))}减至${yuan(sep(n.to))}：${n.per.zh}各年合计不超过${yuan(sep(n.cap))}${n.sentence ? `（“${n.sentence}”）` : ""}，此前已支持${yuan(sep(n.paid))}`;
        case "tieAfterCaps":
          return `按本条支持：${n.other}在年度上限前金额相同，但其年度上限${yuan(sep(n.cap))}（“${n.sentence}”）会削减该项`;
        case "earlierUncertain": {
          const what = { advance: "本项扣除的先期给予支持来自", once: "此一次性支持已由", total: "此合计上限已部分用于" }[n.kind];
          const tail = n.kind === "once" ? "获得" : "";
          return `${what}${this.title(n.title)}（${n.year}年）${tail}，该事项未必发生；按基准方案结算，该事项未发生时本金额偏低`;
        }
      }
    },
    planWarning(w) {
      const which = `第${w.event + 1}项事项（${w.product}通过国家创新或优先审查程序取得注册证）`;
      return w.code === "reviewEntryMissing"
        ? `${which}：方案中没有${w.product}在取证当年或之前进入该审查程序的事项，而经该程序取证以进入审查程序为前提（进入时先期给予，取证时扣除）`
        : `${which}：其进入审查程序的事项（第${w.entry + 1}项）概率（${w.entryProbability}）低于取证概率（${w.probability}），而取证以进入审查程序为前提`;
    },
    flag(code, v, quote) {
      const q = quote ? `（“${quote}”）` : "";
      switch (code) {
        case "draft": return "征求意见稿";
        case "discretionary": return "需经认定／择优／评审：显示的是上限";
        case "oneTime": return "一次性";
        case "phased": return "分阶段拨付";
        case "advance": return "先期给予：为同一产品注册证奖励的预拨，取证时只支付超出部分";
        case "unspecified": return `原文未规定金额（未设假定${v === "amount" ? "金额" : "比例"}时为0元）`;
        case "assumed": return v === "base" ? "假设：计算基数未填写，以另一政策对同一费用的表述代替" : `假定：基于假定${v === "amount" ? "金额" : "比例"}`;
        case "annualCap": return `单个企业每年不超过${v}元${q}，由多年预测汇总时执行`;
        case "maxYears": return `累计不超过${v}年${q}，由多年预测汇总时执行`;
        case "window": return v === "1" ? `仅限起始事项当年${q}` : `自起始事项当年起连续${v}年${q}`;
        case "once": return v === "enterprise" ? `限一次${q}` : `每个产品${v === "product-class" ? "每类" : ""}限一次${q}`;
        case "inForceFrom": return `自${v}起施行：本年度自该日起计`;
        case "validUntil": return `有效期至${v}`;
        case "validityYears": return `自原文未载明的发布日期起有效${v}年`;
        case "expiring": return `政策在测算期内到期（${v}）`;
      }
    },
    awaitingPack: (o) => `政策包《${o.title}》${o.version} 版（作者 ${o.author}，sha256 ${shortHash(o.hash)}）将取代此条款，尚待在任务窗格中批准：此数字仍按现行条文计算`,
    fromPack: (o) => `出自政策包《${o.title}》${o.version} 版，作者 ${o.author}（sha256 ${shortHash(o.hash)}）`,
    cite: ({ document, clause }) => `${document.title}${clause.article}`,
    status(status, amount, by, tie) {
      switch (status) {
        case "applied": return `支持${amount}`;
        case "outranked":
          if (tie) return `${by ? `与${by}` : ""}金额相同（${amount}），从优不重复，只支持一次`;
          return `可得${amount}，但同一事项从优不重复（就高不就低），不予支持${by ? `，取${by}` : ""}`;
        case "not-met": return "不适用";
        case "unknown": return "无法判断";
        case "out-of-validity": return "不在有效期内";
        case "other-sector": return "不适用于本行业";
      }
    },
    title(t) {
      switch (t.kind) {
        case "label": return t.text;
        case "rd": return `${t.year}年研发投入`;
        case "revenue": return `${t.year}年营业收入`;
        case "certificate": return `${t.product}：${code("deviceClass", t.deviceClass)}注册证（${code("pathway", t.pathway)}）`;
        case "clinical": return `${t.product}：进入${code("phase", t.phase)}临床试验`;
        case "output": return `${t.product}：年产值${yuan(sep(t.value))}`;
        case "other": return topicWords[t.topic as Topic] ?? t.topic;
        case "event": return t.product ? `${t.product}：${eventWords[t.type] ?? t.type}` : (eventWords[t.type] ?? t.type);
      }
    },
    total: (call, amount) => `${call} = ${amount}元`,
    assumedZones: (path, zones) => `地区：${path.map((p) => p.zh).join("›")}，按所填地名视为${zones.map((z) => z.zh).join("、")}成员（不在其中的企业请写路径“${path.map((p) => p.zh).join("›")}”）`,
    colon: "：",
    semicolon: "；",
    noClause: "政策目录中没有适用于该地区此类事项的条款。",
    accountsHeading: "到账与损益",
    flagsHeading: "提示",
    furtherHeading: "在多年预测情景中，该产品还可能获得：",
    further: (e) => (e === "localProduction" ? "落地生产后" : "进入创新或优先审查程序时"),
    lineAmounts: (ceiling, expected) => `${ceiling} / ${expected}`,
    linesHeading: "明细（上限 / 预期）：",
    forecastHeader: (region, catalog, method) => `地区：${({ changping: "昌平区", beijing: "北京市", shenzhen: "深圳市" } as Record<string, string>)[region] ?? region}；政策目录版本${catalog}；${method}；单位：元`,
    assumedFootnote: "标为假定的数字基于原文未规定比例或金额的条款所设的假定比例或金额，或在计划未填写某一政策的计算基数时，以另一政策对同一费用的表述代替（假设）。",
    method: (m) => (m.kind === "exact" ? `对${m.worlds}种不确定事件组合精确计算` : `蒙特卡洛模拟，${m.draws}次抽样，随机种子${m.seed}`),
    cut: "……（已按Excel单元格32,767个字符的上限截断）",
  };
}
