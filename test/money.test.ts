import fc from "fast-check";
import { Decimal, formatYuan, toNumber } from "../src/engine";

test("toNumber is exact for whole yuan and falls back for fen", () => {
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
