import { Decimal, engine, factsFrom, flagsOf, formatFlag, formatStep, type ClauseLine } from "../../src/engine";

/*
 * What an open amount and a base read for another say (issue 18), written out by hand in both
 * languages: 定额 is an amount, so its assumption is an amount (DESIGN ruling 3); a base one text
 * names read for another's is an assumption (假设) and says which for which (docs/RULINGS.md 54, 55).
 */
const { catalog, evaluateClause } = engine();
const line = (id: string, facts: Record<string, string | number | boolean>, assumption?: string): ClauseLine =>
  evaluateClause(id, { facts: factsFrom(facts, catalog.facts), assumptions: assumption === undefined ? undefined : { [id]: new Decimal(assumption) } });
const said = (l: ClauseLine, lang: "en-US" | "zh-CN") => ({
  steps: (l.working?.steps ?? []).map((s) => formatStep(s, lang)),
  flags: flagsOf(l)
    .filter((f) => f.code === "unspecified" || f.code === "assumed")
    .map((f) => formatFlag(f, lang)),
});

describe("昌平医药 第五条（二）: 每个品种给予定额一次性奖励, an amount with no figure", () => {
  const open = line("changping-pharma/5.2", { nonRegistrationTrial: true, industrialised: true });

  test("en-US: 0 unless an amount is assumed, not a rate", () => {
    expect(said(open, "en-US")).toEqual({
      steps: ["the text gives no figure (定额 / 一定支持): 0 unless an amount is assumed"],
      flags: ["amount unspecified in the text (0 unless an amount is assumed)"],
    });
  });

  test("zh-CN", () => {
    expect(said(open, "zh-CN")).toEqual({
      steps: ["原文未规定金额（定额／一定支持）：未设假定金额时为0元"],
      flags: ["原文未规定金额（未设假定金额时为0元）"],
    });
  });

  test("with an assumed 300,000 per product, the figure rests on an assumed amount", () => {
    // The assumption is the amount itself: 300,000.
    const assumed = line("changping-pharma/5.2", { nonRegistrationTrial: true, industrialised: true }, "300000");
    expect(said(assumed, "en-US")).toEqual({ steps: ["assumed amount 300,000"], flags: ["ASSUMPTION: rests on an assumed amount"] });
    expect(said(assumed, "zh-CN")).toEqual({ steps: ["假定金额300,000元"], flags: ["假定：基于假定金额"] });
  });

  test("一定比例 of a base still asks for a rate", () => {
    // 第五条（一）完成: 结合实际临床研发投入…一定比例.
    const rate = line("changping-pharma/5.1-completion", { drugClass: 1, phaseCompleted: 1, clinicalRdCost: "30000000", industrialised: true });
    expect(said(rate, "en-US").steps).toEqual(["the text gives no rate (一定比例): 0 unless a rate is assumed"]);
    expect(said(rate, "zh-CN").steps).toEqual(["原文未规定比例（一定比例）：未设假定比例时为0元"]);
  });
});

describe("器械 第十二条（一）'s 项目经费 read from 医药 第十六条（三）'s 活动实际发生费用", () => {
  // 20% × 5,000,000 = 1,000,000.
  const standIn = line("changping-device/12.1", { eventRole: "host", eventCost: "5000000" });

  test("en-US", () => {
    expect(said(standIn, "en-US")).toEqual({
      steps: ["20% × costs actually incurred by the event 5,000,000 (ASSUMPTION: taken for cost (funds) of the project or activity, which the plan does not state) = 1,000,000"],
      flags: ["ASSUMPTION: rests on another text's base for the same costs, read for this text's own, which the plan does not state"],
    });
  });

  test("zh-CN", () => {
    expect(said(standIn, "zh-CN")).toEqual({
      steps: ["活动实际发生费用5,000,000元（假设：未填写“项目经费”，以此代替） × 20% = 1,000,000元"],
      flags: ["假设：计算基数未填写，以另一政策对同一费用的表述代替"],
    });
  });

  test("its own base is read without a mark", () => {
    const own = line("changping-device/12.1", { eventRole: "host", projectCost: "5000000", eventCost: "8000000" });
    expect(said(own, "en-US")).toEqual({ steps: ["20% × cost (funds) of the project or activity 5,000,000 = 1,000,000"], flags: [] });
  });
});
