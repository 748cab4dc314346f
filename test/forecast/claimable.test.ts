import { claimable, Decimal, parseScenario } from "../../src/engine";

/** A Changping device maker's profile and nothing else: no event, no figures. */
const profile = (extra: object = {}) =>
  parseScenario({ schemaVersion: 1, name: "profile", enterprise: { region: "changping", sector: "device" }, horizon: { from: 2026, to: 2028 }, events: [], ...extra });
const byId = (list: ReturnType<typeof claimable>) => new Map(list.map((c) => [c.clause, c]));

test("a Changping device maker, profile alone: the certificate and R&D clauses with their 最高 amounts in the text's words", () => {
  const list = byId(claimable(profile()));
  // 昌平器械 第五条（二）: "单个注册证给予最高800万元支持".
  expect(list.get("changping-device/5.2")).toMatchObject({ topic: "registration", claimWith: "certificate", most: { amount: new Decimal(8_000_000), sentence: "单个注册证给予最高800万元支持" } });
  // 第三条（一）: "按照不超过上一年度研发投入的10%给予最高200万元的资金支持", its cap set by "给予最高200万元的资金支持"; qualifies with revenue < 30M and two years' R&D ≥ 10M.
  const rd = list.get("changping-device/3.1")!;
  expect(rd).toMatchObject({ claimWith: "financials", most: { amount: new Decimal(2_000_000), sentence: "给予最高200万元的资金支持" } });
  expect(rd.conditions).toEqual([
    { fact: "revenueLastYear", op: "lt", value: "30000000" },
    { fact: ["rdLastYear", "rdYearBefore"], op: "gte", value: "10000000" },
  ]);
  // Beijing's municipal measures reach Changping (北京 一、3: 单个产品不超过 200 万元); Shenzhen's do not.
  expect(list.get("beijing-device/3")?.most?.amount).toEqual(new Decimal(2_000_000));
  expect([...list.keys()].some((id) => id.startsWith("shenzhen"))).toBe(false);
  // Nothing without a number (一定比例) and nothing non-monetary is listed.
  for (const c of list.values()) expect(c.most === undefined || c.most.amount.gt(0)).toBe(true);
});

test("what the plan uses is not listed again: a certificate takes the registration clauses, R&D figures the R&D clause", () => {
  const list = byId(
    claimable(
      profile({
        financials: [{ year: 2025, rd: "8000000" }],
        events: [{ type: "certificate", year: 2027, product: "X", class: 3, pathway: "innovative", rdCost: "1000000" }],
      }),
    ),
  );
  expect(list.has("changping-device/5.2")).toBe(false);
  expect(list.has("beijing-device/3")).toBe(false);
  expect(list.has("changping-device/3.1")).toBe(false);
  // Local production (落地生产, 第五条（二）'s 再给予最高300万元) is another matter of the certificate, still open.
  expect(list.get("changping-device/5.2-production")?.claimWith).toBe("certificate");
});

test("a text expired before the horizon is not listed: Beijing's measures run to 2028-12-31", () => {
  const list = byId(claimable(profile({ horizon: { from: 2029, to: 2030 } })));
  expect([...list.keys()].some((id) => id.startsWith("beijing-device"))).toBe(false);
  expect(list.has("changping-device/5.2")).toBe(true);
});

test("a drug developer in Shenzhen is not shown the device-only texts' clauses", () => {
  const list = claimable(parseScenario({ schemaVersion: 1, name: "p", enterprise: { region: "shenzhen", sector: "drug" }, horizon: { from: 2026, to: 2028 }, events: [] }));
  expect(list.every((c) => !c.clause.startsWith("shenzhen-device"))).toBe(true);
});
