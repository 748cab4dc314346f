import { accountedForecast, parseScenario, type Accounts, type Quantity } from "../../src/engine";

/** A scenario's accounts, from a scenario written as data. */
export function accountsOf(raw: Record<string, unknown>): Accounts {
  const s = parseScenario({ schemaVersion: 1, name: "hand-worked", ...raw });
  return accountedForecast(s).accounts;
}

/** One view's ceilings by year as plain strings, the years after the horizon as "after". */
export function yearsOf(a: Accounts, q: Quantity): Record<string, string> {
  const v = a.views[q];
  const out: Record<string, string> = Object.fromEntries(v.years.map((r) => [r.year, r.ceiling.toFixed()]));
  if (!v.balance) out.after = v.after.ceiling.toFixed();
  return out;
}
