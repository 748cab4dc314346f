import { Decimal, engine } from "../src/engine";

const d = (s: string) => new Decimal(s);

describe("the amount path and the explained path agree where two texts repeat one rule", () => {
  // Changping's device 第八条（一）and pharma 第十二条（三）are the same milestones; the pharma text
  // reaches drugs too. 120M after 80M first passes 100M → 400k, for a device or a drug maker.
  test.each(["device", "drug", undefined])("SCALEUP in Changping, sector %s", (sector) => {
    const facts = { output: d("120000000"), bestOutputBefore: d("80000000"), ...(sector ? { sector } : {}) };
    const q = { topic: "scaleup", region: "changping", facts } as const;
    expect(engine().amount(q).toFixed()).toBe("400000");
    expect(engine().evaluate(q).amount.toFixed()).toBe("400000");
  });

  test("a tie pays the first clause in catalog order and lists the other as outranked", () => {
    const { lines } = engine().evaluate({ topic: "revenue", region: "changping", facts: { revenue: d("600000000"), bestRevenueBefore: d("0") } });
    expect(lines.map((l) => [l.clause.id, l.status, l.amount.toFixed()])).toEqual([
      ["changping-device/8.2", "applied", "1200000"],
      ["changping-pharma/12.1", "outranked", "1200000"],
    ]);
  });
});
