import type { Draft } from "../wizard/draft";

/**
 * The analyst's bench: a baseline, and what-ifs made from it, each a named draft. Kept with
 * the draft (storage.ts): in the browser in preview mode, in the workbook's settings in Excel.
 */
export interface Variant {
  readonly id: string;
  readonly name: string;
  readonly draft: Draft;
}

export interface Bench {
  readonly baseline?: { readonly name: string; readonly draft: Draft };
  readonly variants: readonly Variant[];
  /** The what-if the wizard is editing: its edits are kept in it. */
  readonly active?: string;
}

export const emptyBench: Bench = { variants: [] };

export function withVariant(bench: Bench, draft: Draft, name: string): Bench {
  const id = `v${Date.now().toString(36)}${bench.variants.length}`;
  return { ...bench, variants: [...bench.variants, { id, name, draft }], active: id };
}

/** The active what-if follows the wizard's draft. */
export function syncActive(bench: Bench, draft: Draft): Bench {
  if (!bench.active) return bench;
  const v = bench.variants.find((x) => x.id === bench.active);
  if (!v || v.draft === draft) return bench;
  return { ...bench, variants: bench.variants.map((x) => (x.id === bench.active ? { ...x, draft } : x)) };
}
