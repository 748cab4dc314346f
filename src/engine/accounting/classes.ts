import { z } from "zod";
import { accountingClasses, assetKinds } from "./kinds";
import { bilingual } from "../catalog/schema";

/** An entry of catalog/accounting.json, checked when the catalog is built (never in the add-in). */
export const accountingEntry = z
  .strictObject({
    class: z.enum(accountingClasses),
    asset: z.enum(assetKinds).optional(),
    /** The words of the clause's sentence, verbatim, that decide the class. */
    words: z.string().min(2),
    /** The funds pay research and development (研发活动): non-taxable, those costs lose their super deduction. */
    rd: z.optional(z.literal(true)),
    /**
     * The words measuring a reward on R&D already spent (上一年度研发投入): set non-taxable, that
     * R&D loses its super deduction (国家税务总局公告2015年第97号 二、（五）) in the years it fell (RULINGS §83).
     */
    rdReward: z.optional(z.string().min(2)),
    /** The words tying the amount to sales revenue or quantity: output VAT on it (国家税务总局公告2019年第45号 第七条). */
    vat: z.optional(z.string().min(2)),
    /** Not related to the enterprise's daily activities (CAS 16 第十一条): 营业外收入, with why; else 其他收益. */
    presentation: z.optional(z.strictObject({ line: z.literal("nonOperating"), ...bilingual.shape })),
    ...bilingual.shape,
  })
  .refine((e) => (e.class === "asset") === (e.asset !== undefined), { message: "an asset-related clause names its kind of asset (building or equipment), and only it" });
export type AccountingEntry = z.infer<typeof accountingEntry>;

/** Parses accounting.json; a bad entry is named by its clause id. */
export function parseAccounting(raw: Record<string, unknown>): Record<string, AccountingEntry> {
  const out: Record<string, AccountingEntry> = {};
  for (const [id, value] of Object.entries(raw)) {
    if (id.startsWith("$")) continue;
    const result = accountingEntry.safeParse(value);
    if (!result.success) throw new Error(`accounting.json ${id}: ${result.error.issues.map((i) => i.message).join("; ")}`);
    out[id] = result.data;
  }
  return out;
}
