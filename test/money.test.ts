import fc from "fast-check";
import { Decimal, formatYuan, toNumber } from "../src/engine";
import { compare, rateOf, times } from "../src/engine/input/money";

test("toNumber is exact for whole yuan and for fen", () => {
  for (const s of ["0", "1", "9999999", "10000000", "12000000", "120000000000", "999999999999999", "1000000000000000", "1624691.356", "0.07", "1e300"]) {
    expect(toNumber(new Decimal(s))).toBe(Number(s));
  }
  fc.assert(fc.property(fc.bigInt({ min: 0n, max: 10n ** 16n }), (n) => expect(toNumber(new Decimal(n.toString()))).toBe(Number(n))));
});

test("formatYuan groups thousands and keeps fen", () => {
  expect(formatYuan(new Decimal("1624691.356"))).toBe("1,624,691.356");
  expect(formatYuan(new Decimal("0"))).toBe("0");
  expect(formatYuan(new Decimal("1000"))).toBe("1,000");
});

// A Decimal from digits, a decimal point `places` from the right, and a sign: any value with up
// to 25 digits and 25 places, whole yuan, fen and beyond.
const decimals = fc
  .tuple(fc.bigInt({ min: 0n, max: 10n ** 25n }), fc.integer({ min: 0, max: 25 }), fc.boolean())
  .map(([digits, places, negative]) => new Decimal(`${negative ? "-" : ""}${digits}e-${places}`));

test("toNumber is the double nearest the value, as decimal.js's own string round trip", () => {
  // 0.4 × 1,251 = 500.4; 1,624,691.356 and 0.07 have fen and beyond; 123,456,789,012,345,678
  // has 18 digits, more than a double holds: every one the nearest double, as Number reads it.
  for (const s of ["500.4", "1624691.356", "0.07", "0.05", "-3.25", "12345678.9", "1e-30", "123456789012345678", "999999999999999.99"]) {
    expect(toNumber(new Decimal(s))).toBe(Number(s));
  }
  fc.assert(fc.property(decimals, (d) => expect(toNumber(d)).toBe(d.toNumber())));
});

test("compare orders Decimals as decimal.js's cmp does, without copying its argument", () => {
  const cmp = (a: string, b: string) => compare(new Decimal(a), new Decimal(b));
  expect([cmp("5000000", "2000000"), cmp("2000000", "5000000"), cmp("5e6", "5000000.000")]).toEqual([1, -1, 0]);
  // Signs, zeros (−0 is 0), one word against two (9,999,999 < 10,000,000), fen against whole yuan.
  expect([cmp("-1", "0"), cmp("0", "-0"), cmp("-0", "1"), cmp("9999999", "10000000"), cmp("500.4", "500"), cmp("-500.4", "-500")]).toEqual([-1, 0, -1, -1, 1, -1]);
  fc.assert(fc.property(decimals, decimals, (a, b) => expect(compare(a, b)).toBe(a.cmp(b))));
  fc.assert(fc.property(decimals, (a) => expect(compare(a, new Decimal(a.toString()))).toBe(0)));
});

test("times is rate × x exactly, whole-number path or not", () => {
  // 40% × 5,000,000 = 2,000,000 (whole and below 10^7, the fast path); 30% × 40,000,000 =
  // 12,000,000 (whole, from 10^7 on: decimal.js); 40% × 1,251 = 500.4 (fen: decimal.js);
  // 12.5% × 999,999,999,999,999 = 124,999,999,999,999.875 (125 × x passes 2^53: decimal.js); a
  // rate of 22 places does not fit whole numbers at all.
  const t = (rate: string, x: string) => times(rateOf(rate), new Decimal(x)).toFixed();
  expect([t("0.4", "5000000"), t("0.3", "40000000"), t("0.4", "1251"), t("0.125", "999999999999999")]).toEqual(["2000000", "12000000", "500.4", "124999999999999.875"]);
  expect(rateOf("0.3333333333333333333333").units).toBe(0);
  expect(t("0.3333333333333333333333", "3")).toBe("0.9999999999999999999999");
  const rates = fc.constantFrom("0.4", "0.3", "0.5", "0.05", "0.002", "1", "0.125", "0.3333333333333333333333");
  const amounts = fc.oneof(fc.integer({ min: 0, max: 10 ** 15 }).map((n) => new Decimal(n)), decimals.map((d) => d.abs()));
  fc.assert(
    fc.property(rates, amounts, (rate, x) => {
      const y = times(rateOf(rate), x);
      const want = new Decimal(rate).times(x);
      expect(y.eq(want) && y.toString() === want.toString()).toBe(true);
    }),
  );
});
