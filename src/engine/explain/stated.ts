import type { Decimal } from "../input/money";

/** The ways a text writes an amount of yuan, largest unit first: 3亿元, 3000万元, 3000元. */
export function spellings(amount: Decimal): string[] {
  const out: string[] = [];
  if (amount.gte(1e8)) out.push(`${amount.dividedBy(1e8).toFixed()}亿元`);
  if (amount.gte(1e4)) out.push(`${amount.dividedBy(1e4).toFixed()}万元`);
  out.push(`${amount.toFixed()}元`);
  return out;
}

const ceilingWords = /(最高|不超过|最多|上限|封顶)/;

/**
 * How a sentence states a fixed amount, so the trace can quote it: "不超过200万元" is a ceiling
 * (ruling 2), "给予100万元" an amount. Found within the amount's own clause (up to the last
 * comma or stop before it); nothing when the sentence does not write it.
 */
export function statedAmount(amount: Decimal, sentence: string): { quoted?: string; ceiling: boolean } {
  const text = sentence.replace(/\s+/g, "");
  for (const spelling of spellings(amount)) {
    // Not a longer number ending in the same digits: 2000万元 is no 000万元.
    const at = [...text.matchAll(new RegExp(`(?<![\\d.])${spelling.replace(".", "\\.")}`, "g"))].map((m) => m.index);
    for (const i of at) {
      const clauseStart = Math.max(...["，", ",", "。", "；", ";", "、", "："].map((p) => text.lastIndexOf(p, i - 1))) + 1;
      const lead = text.slice(clauseStart, i);
      const word = ceilingWords.exec(lead);
      if (word) return { quoted: text.slice(clauseStart + word.index, i + spelling.length), ceiling: true };
    }
    if (at.length > 0) return { quoted: spelling, ceiling: false };
  }
  return { ceiling: false };
}
