import fc from "fast-check";
import { accountedForecast, Decimal, parseScenario, rolledBalances, rollForward, ZERO, type Accounts, type LineAccounts } from "../../src/engine";

/** Random plans that touch every accounting class, under random CFO settings. */
const amount = fc.integer({ min: 0, max: 90_000_000 }).map(String);
const year = fc.integer({ min: 2026, max: 2029 });
const chance = fc.constantFrom(1, 0.7, 0.4);
const event = fc.oneof(
  // asset-related (a building)
  fc.record(
    {
      type: fc.constant("facility"),
      year,
      cost: amount,
      areaM2: fc.integer({ min: 0, max: 9000 }).map(String),
      usefulLife: fc.integer({ min: 1, max: 30 }),
      // Ready for use in another year or month than the award (ruling 23).
      readyForUse: fc.constantFrom("2026", "2028", "2026-01", "2027-06", "2029-12"),
      probability: chance,
    },
    { requiredKeys: ["type", "year", "cost", "areaM2", "probability"] },
  ),
  // income-related, costs incurred
  fc.record({ type: fc.constant("certificate"), year, product: fc.constantFrom("A", "B"), class: fc.constantFrom(2, 3), rdCost: amount, probability: chance }),
  fc.record({ type: fc.constant("insurance"), year, premium: amount, probability: chance }),
  // income-related, tied to sales: output VAT (深圳（十五）)
  fc.record({ type: fc.constant("vbp"), year, product: fc.constantFrom("A", "B"), bidValue: amount, probability: chance }),
  // income-related, later costs
  fc.record({ type: fc.constant("other"), year, topic: fc.constant("innovation"), facts: fc.record({ shenzhenSpecialProject: fc.constant("frontier"), projectCost: amount }), probability: chance }),
);
const lag = fc.integer({ min: 0, max: 3 });
const plan = fc.record({
  schemaVersion: fc.constant(1),
  name: fc.constant("random plan"),
  enterprise: fc.record({ region: fc.constantFrom("changping", "shenzhen"), sector: fc.constant("device") }),
  horizon: fc.constant({ from: 2026, to: 2030 }),
  events: fc.array(event, { maxLength: 6 }),
  accounting: fc.record({
    paymentLag: fc.record({ default: lag, documents: fc.record({ "shenzhen-device": lag }, { requiredKeys: [] }), clauses: fc.record({ "shenzhen-device/7": lag }, { requiredKeys: [] }) }),
    assetMethod: fc.constantFrom("gross", "net"),
    usefulLife: fc.record({ building: fc.integer({ min: 1, max: 40 }) }),
    taxRate: fc.constantFrom("0.25", "0.15", "0"),
    nonTaxable: fc.subarray(["shenzhen-device/3.frontier", "shenzhen-device/7", "shenzhen-device/5.class3"]),
    costYears: fc.record({ "shenzhen-device/3.frontier": fc.integer({ min: 1, max: 6 }) }, { requiredKeys: [] }),
    deferredTaxAsset: fc.boolean(),
    recognition: fc.record({ documents: fc.record({ "shenzhen-device": fc.constantFrom("received", "receivable"), "changping-device": fc.constantFrom("received", "receivable") }, { requiredKeys: [] }) }),
  }),
});

const run = (raw: unknown): Accounts => {
  return accountedForecast(parseScenario(raw)).accounts;
};
const sum = (m: ReadonlyMap<number, Decimal>, upTo = Infinity) => [...m].filter(([y]) => y <= upTo).reduce((a, [, v]) => a.plus(v), ZERO);
const figures = (l: LineAccounts) => [l.ceiling, l.expected];

test("cash is the entitlement shifted by the payment lag, line by line and in total", () => {
  fc.assert(
    fc.property(plan, (raw) => {
      const a = run(raw);
      for (const l of a.lines) {
        for (const f of figures(l)) {
          const shifted = [...f.entitled].map(([y, v]) => [y + l.settings.lag.years, v.toFixed()]);
          expect([...f.cash].map(([y, v]) => [y, v.toFixed()])).toEqual(shifted);
        }
      }
      for (const k of ["ceiling", "expected"] as const) expect(a.views.cash.total[k].toFixed()).toBe(a.views.entitled.total[k].toFixed());
    }),
    { numRuns: 35 },
  );
});

test("at every year end, recognised plus what is still deferred (or still in the asset) less what is receivable is the cash received", () => {
  fc.assert(
    fc.property(plan, (raw) => {
      const a = run(raw);
      for (const l of a.lines) {
        for (const f of figures(l)) {
          for (let y = a.horizon.from; y <= a.horizon.to; y++) {
            const held = (f.deferred.get(y) ?? ZERO).plus(f.assetReduction.get(y) ?? ZERO).minus(f.receivable.get(y) ?? ZERO);
            expect(sum(f.pl, y).plus(held).toFixed()).toBe(sum(f.cash, y).minus(sum(f.vat, y)).toFixed());
          }
          // Over the asset's whole life, all of it reaches profit (net of any output VAT).
          expect(sum(f.pl).toFixed()).toBe(sum(f.cash).minus(sum(f.vat)).toFixed());
        }
      }
      // The same for the views, year by year.
      for (let i = 0; i < a.views.cash.years.length; i++) {
        const upTo = (q: "pl" | "cash" | "vat") => a.views[q].years.slice(0, i + 1).reduce((t, r) => t.plus(r.ceiling), ZERO);
        const held = a.views.deferred.years[i].ceiling.plus(a.views.assetReduction.years[i].ceiling).minus(a.views.receivable.years[i].ceiling);
        expect(upTo("pl").plus(held).toFixed()).toBe(upTo("cash").minus(upTo("vat")).toFixed());
      }
    }),
    { numRuns: 35 },
  );
});

test("surcharges, tax and after-tax add up to profit; nothing is negative; only one method's balance is held", () => {
  fc.assert(
    fc.property(plan, (raw) => {
      const a = run(raw);
      for (const l of a.lines) {
        for (const f of figures(l)) {
          for (const [y, v] of f.pl) expect(v.minus(f.surcharges.get(y) ?? ZERO).minus(f.tax.get(y) ?? ZERO).toFixed()).toBe((f.aftertax.get(y) ?? ZERO).toFixed());
          // Nothing is negative but the after-tax figure and the expense of a year whose only movement is
          // VAT surcharges paid on receipt of support recognised earlier (a receivable): a cost, and its tax
          // saving; after tax in a year support is taxed ahead of profit with no deferred tax asset; and after
          // tax in the year before a reward set non-taxable, whose costs' deductions are lost then (RULINGS §83).
          const earlier = l.settings.nonTaxable && l.settings.class === "incurred";
          for (const [q, m] of Object.entries(f)) {
            // Net cash is a net: negative in a year of tax paid and no cash.
            if (q === "netCash") continue;
            if (q === "aftertax" || q === "tax" || q === "taxPaid") for (const [y, v] of m) expect(v.gte(0) || (f.surcharges.has(y) && !f.pl.has(y)) || (q === "aftertax" && (!l.settings.tax.recogniseAsset || (earlier && y === l.line.year - 1)))).toBe(true);
            else for (const v of m.values()) expect(v.gte(0)).toBe(true);
          }
          for (const [y, v] of f.nonDeductible) expect(v.toFixed()).toBe(f.tax.get(y)!.toFixed());
          if (!l.settings.nonTaxable) expect(f.nonDeductible.size).toBe(0);
          expect(f.deferred.size === 0 || f.assetReduction.size === 0).toBe(true);
          if (l.settings.asset?.method === "net") expect(f.otherIncome.size).toBe(0);
        }
      }
      for (const v of Object.values(a.views)) {
        // As above: the expense and after tax may fall below 0 in a year of surcharges alone.
        const signed = v.quantity === "tax" || v.quantity === "aftertax" || v.quantity === "taxPaid" || v.quantity === "netCash";
        for (const r of v.years) {
          if (!signed) expect(r.ceiling.gte(0) && r.expected.gte(0)).toBe(true);
          // The band from the forecast's worlds is ordered (and, but for those two, never negative).
          expect((signed || r.band!.p10.gte(0)) && r.band!.p10.lte(r.band!.p50) && r.band!.p50.lte(r.band!.p90)).toBe(true);
        }
      }
    }),
    { numRuns: 35 },
  );
});

test("the income tax expense is the current tax plus the change in deferred tax, every year, at any rates by year (ruling 22)", () => {
  const rate = fc.constantFrom("0.25", "0.15", "0.2", "0");
  const withRates = fc.record({ plan, taxRates: fc.record({ "2026": rate, "2027": rate, "2028": rate, "2029": rate, "2031": rate, "2040": rate }, { requiredKeys: [] }) });
  fc.assert(
    fc.property(withRates, ({ plan: raw, taxRates }) => {
      const a = run({ ...raw, accounting: { ...raw.accounting, taxRates } });
      const change = (m: ReadonlyMap<number, Decimal>, y: number) => (m.get(y) ?? ZERO).minus(m.get(y - 1) ?? ZERO);
      for (const l of a.lines) {
        for (const f of figures(l)) {
          const years = [...f.currentTax.keys(), ...f.tax.keys(), ...f.deferredTaxAsset.keys(), ...f.deferredTaxLiability.keys()];
          if (!years.length) continue;
          for (let y = Math.min(...years); y <= Math.max(...years) + 1; y++) {
            const expected = (f.currentTax.get(y) ?? ZERO).plus(change(f.deferredTaxLiability, y)).minus(change(f.deferredTaxAsset, y));
            expect((f.tax.get(y) ?? ZERO).toFixed()).toBe(expected.toFixed());
          }
          // Over all years the expense is the current tax: every difference reverses.
          expect(sum(f.tax).toFixed()).toBe(sum(f.currentTax).toFixed());
          // Non-taxable funds bring current tax only through the costs they pay.
          if (l.settings.nonTaxable) for (const [y, v] of f.nonDeductible) expect(v.toFixed()).toBe(((f.lostDeduction.get(y) ?? ZERO).plus(f.lostSuperDeduction.get(y) ?? ZERO)).toFixed());
        }
      }
      // The views add up the same way, year by year within the horizon.
      const v = a.views;
      for (let i = 0; i < v.tax.years.length; i++) {
        for (const k of ["ceiling", "expected"] as const) {
          const at = (q: "deferredTaxAsset" | "deferredTaxLiability", j: number) => (j < 0 ? ZERO : v[q].years[j][k]);
          const expected = v.currentTax.years[i][k].plus(at("deferredTaxLiability", i).minus(at("deferredTaxLiability", i - 1))).minus(at("deferredTaxAsset", i).minus(at("deferredTaxAsset", i - 1)));
          expect(v.tax.years[i][k].toFixed()).toBe(expected.toFixed());
        }
      }
    }),
    { numRuns: 35 },
  );
});

test("the roll-forward of each balance: opening + increase − decrease = closing, and each opening the year before's closing", () => {
  fc.assert(
    fc.property(plan, (raw) => {
      const a = run(raw);
      const roll = rollForward(a);
      for (const b of rolledBalances) {
        roll[b].forEach((r, i) => {
          for (const k of ["ceiling", "expected"] as const) {
            expect(r.opening[k].plus(r.increase[k]).minus(r.decrease[k]).toFixed()).toBe(r.closing[k].toFixed());
            expect(r.opening[k].toFixed()).toBe(i === 0 ? "0" : roll[b][i - 1].closing[k].toFixed());
          }
        });
      }
    }),
    { numRuns: 35 },
  );
});

test("tax paid is the current tax, in its year or the next; net cash is cash less VAT, surcharges and tax paid (企业所得税法 第五十四条)", () => {
  fc.assert(
    fc.property(plan, fc.constantFrom("quarterly", "annual"), (raw, taxPayment) => {
      const a = run({ ...raw, accounting: { ...raw.accounting, taxPayment } });
      const shift = taxPayment === "annual" ? 1 : 0;
      for (const l of a.lines) {
        for (const f of figures(l)) {
          expect([...f.taxPaid].map(([y, v]) => [y, v.toFixed()])).toEqual([...f.currentTax].map(([y, v]) => [y + shift, v.toFixed()]));
          const years = new Set([...f.cash.keys(), ...f.taxPaid.keys()]);
          for (const y of years) {
            const net = (f.cash.get(y) ?? ZERO).minus(f.vat.get(y) ?? ZERO).minus(f.surcharges.get(y) ?? ZERO).minus(f.taxPaid.get(y) ?? ZERO);
            expect((f.netCash.get(y) ?? ZERO).toFixed()).toBe(net.toFixed());
          }
        }
      }
      // In total, what is paid is what arises (after the horizon included).
      for (const k of ["ceiling", "expected"] as const) expect(a.views.taxPaid.total[k].toFixed()).toBe(a.views.currentTax.total[k].toFixed());
    }),
    { numRuns: 35 },
  );
});
