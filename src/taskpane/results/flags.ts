import type { Flag as EngineFlag, FlagCode } from "../engine";
import { formatFlag } from "../engine";
import type { Lang, MessageKey, Params } from "../i18n";

/**
 * The engine's flags on a forecast line (codes from explain.ts's flagsOf and forecast.ts),
 * sorted into the kinds a reader must see and said in the pane's language.
 */
export interface Flag {
  readonly kind: "draft" | "discretionary" | "unspecified" | "assumed" | "expiring" | "info";
  readonly key: MessageKey;
  readonly params: Params;
  /** The engine's words in the reader's language (formatFlag), for a tooltip. */
  readonly text: string;
}

const known: Record<FlagCode, [Flag["kind"], MessageKey]> = {
  draft: ["draft", "flag.draft"],
  discretionary: ["discretionary", "flag.discretionary"],
  unspecified: ["unspecified", "flag.unspecified"],
  assumed: ["assumed", "flag.assumed"],
  expiring: ["expiring", "flag.expiring"],
  oneTime: ["info", "flag.oneTime"],
  phased: ["info", "flag.phased"],
  advance: ["info", "flag.advance"],
  annualCap: ["info", "flag.annualCap"],
  maxYears: ["info", "flag.maxYears"],
  validUntil: ["info", "flag.validUntil"],
  validityYears: ["info", "flag.validityYears"],
  inForceFrom: ["info", "flag.inForceFrom"],
  window: ["info", "flag.window"],
  once: ["info", "flag.once"],
};

export function classifyFlag(flag: EngineFlag, lang: Lang = "en-US"): Flag {
  const [kind, key] = known[flag.code];
  // Ruling 14: a cap or limit is shown with the words that set it.
  return { kind, key, params: { value: flag.value ?? "", quote: flag.quote ? `“${flag.quote}”` : "" }, text: formatFlag(flag, lang) };
}

/** The four a reader must not miss come first. */
const order: Record<Flag["kind"], number> = { draft: 0, discretionary: 1, unspecified: 2, assumed: 2, expiring: 3, info: 4 };
export const classifyFlags = (flags: readonly EngineFlag[], lang: Lang = "en-US"): Flag[] => flags.map((f) => classifyFlag(f, lang)).sort((a, b) => order[a.kind] - order[b.kind]);
