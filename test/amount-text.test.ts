import fc from "fast-check";
import { Decimal, formatAmountIn, formatSignedIn, parseAmountText } from "../src/engine";

/** Amounts as a CFO types them (src/engine/input/amount-text.ts): 万 = 10^4 yuan, 亿 = 10^8 yuan. */
const yuan = (text: string) => {
  const r = parseAmountText(text);
  if (!r.ok) throw new Error(`${text}: ${r.problem}`);
  return r.yuan.toFixed();
};

test.each([
  ["15000000", "15000000"],
  ["15,000,000", "15000000"],
  ["15，000，000", "15000000"],
  ["1,500万", "15000000"], // 1,500 × 10,000
  ["1500万元", "15000000"],
  ["1.5亿", "150000000"], // 1.5 × 100,000,000
  ["1.5 亿元", "150000000"],
  ["¥ 600,000", "600000"],
  ["600000元", "600000"],
  ["0.01", "0.01"], // one fen
  ["2.5万", "25000"],
  ["0.000001万", "0.01"], // 10^-6 × 10^4 = one fen
  ["100001亿", "10000100000000"], // 100,001 × 10^8, below 10^15
])("%s is %s yuan", (text, expected) => expect(yuan(text)).toBe(expected));

test.each([
  ["", "empty"],
  ["   ", "empty"],
  ["-5", "negative"],
  ["−10%", "negative"],
  ["10%", "percent"],
  ["1e20", "exponent"],
  ["2E7", "exponent"],
  ["abc", "notAmount"],
  ["1.2.3", "notAmount"],
  ["200万x", "notAmount"],
  ["0.001", "belowFen"],
  ["0.0000001万", "belowFen"], // 0.001 yuan, a tenth of a fen
])("%s: %s", (text, problem) => expect(parseAmountText(text)).toEqual({ ok: false, problem }));

test("above 10^15 yuan (amounts.ts's AMOUNT_LIMIT): too large, with the amount read for the engine's message", () => {
  expect(parseAmountText("1000000000000001")).toEqual({ ok: false, problem: "tooLarge", yuan: new Decimal("1000000000000001") }); // 10^15 + 1
  expect(parseAmountText("10000000.01亿")).toEqual({ ok: false, problem: "tooLarge", yuan: new Decimal("1000000001000000") }); // 10^15 + 10^6
});

test("10^15 yuan is the largest accepted; 1,000万亿 is the same amount", () => {
  expect(yuan("1000000000000000")).toBe("1000000000000000");
  expect(yuan("10000000亿")).toBe("1000000000000000"); // 10^7 × 10^8
});

test("formatted in 元, 万元 and 亿元", () => {
  const x = new Decimal("16400000");
  expect(formatAmountIn(x, "yuan")).toBe("16,400,000");
  expect(formatAmountIn(x, "wan")).toBe("1,640"); // 16,400,000 / 10,000
  expect(formatAmountIn(x, "yi")).toBe("0.164"); // 16,400,000 / 10^8
  expect(formatSignedIn(new Decimal("-1600000"), "wan")).toBe("−160");
  expect(formatSignedIn(new Decimal("1600000"), "yuan")).toBe("+1,600,000");
  expect(formatSignedIn(new Decimal(0), "yi")).toBe("0");
});

test("property: a whole number of yuan, typed plain, with separators, or in 万, reads back the same", () => {
  fc.assert(
    fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), (n) => {
      const plain = n.toString();
      expect(yuan(plain)).toBe(plain);
      expect(yuan(plain.replace(/\B(?=(\d{3})+(?!\d))/g, ","))).toBe(plain);
      const wan = new Decimal(plain).dividedBy(10000).toFixed();
      expect(yuan(`${wan}万`)).toBe(plain);
    }),
  );
});

test("property: what formatAmountIn writes in 元, 万元 or 亿元 parses back to the amount, to the unit's places", () => {
  fc.assert(
    fc.property(fc.bigInt({ min: 0n, max: 10n ** 14n }), fc.constantFrom("yuan", "wan", "yi" as const), (n, unit) => {
      const x = new Decimal(n.toString());
      const suffix = { yuan: "", wan: "万", yi: "亿" }[unit];
      const back = parseAmountText(`${formatAmountIn(x, unit)}${suffix}`);
      // 万元 keeps 4 places (1 yuan), 亿元 6 places (100 yuan): whole yuan come back exactly in 元 and 万元.
      if (unit !== "yi") expect(back).toEqual({ ok: true, yuan: x });
      else expect(back.ok && back.yuan.minus(x).abs().lte(50)).toBe(true);
    }),
  );
});
