import { Decimal, engine, factsFrom, formatCap, type Status } from "../../src/engine";

/**
 * A clause test is a row of a table: a name citing the article, the facts, and the amount the
 * clause allows, worked out by hand from the sentence (the arithmetic goes in a comment).
 * `expected` is an amount in yuan, or the status when the clause does not pay.
 */
export interface ClauseCase {
  readonly name: string;
  readonly clause: string;
  readonly facts: Readonly<Record<string, string | number | boolean>>;
  readonly year?: number;
  /** An assumed rate (or amount) for a clause whose text gives none. */
  readonly assumption?: string;
  readonly issueDates?: Readonly<Record<string, string>>;
  /** Once-only awards the product already had (ruling 12), as limits.ts keys them. */
  readonly onceTaken?: readonly string[];
  readonly expected: string | Exclude<Status, "applied" | "outranked">;
  /** The cap that binds, as the explanation words it ("2,000,000"). */
  readonly binds?: string;
  /**
   * What the figure rests on that the text does not give: an assumed rate or amount, or another
   * text's base read for this one's. A paying row without it must rest on nothing assumed.
   */
  readonly assumed?: "rate" | "amount" | "base";
}

export function clauseTable(cases: readonly ClauseCase[]): void {
  const { catalog, evaluateClause } = engine();
  test.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const line = evaluateClause(c.clause, {
      facts: factsFrom(c.facts, catalog.facts),
      year: c.year,
      assumptions: c.assumption === undefined ? undefined : { [c.clause]: new Decimal(c.assumption) },
      issueDates: c.issueDates,
      onceTaken: c.onceTaken && new Set(c.onceTaken),
    });
    if (/^\d/.test(c.expected)) {
      expect({ status: line.status, reasons: line.reasons }).toEqual({ status: "applied", reasons: [] });
      expect(line.amount.toFixed()).toBe(new Decimal(c.expected).toFixed());
      if (c.binds !== undefined) expect(line.working?.bindingCap && formatCap(line.working.bindingCap, "en-US")).toContain(c.binds);
      expect(line.working?.assumed).toBe(c.assumed ?? (c.assumption === undefined ? undefined : line.working?.assumed));
    } else {
      expect(line.status).toBe(c.expected);
    }
  });
}
