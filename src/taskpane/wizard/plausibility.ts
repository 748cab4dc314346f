import { useDeferredValue, useEffect, useState } from "react";
import type { EventOutcome, Scenario } from "../engine";
import type { I18n } from "../i18n";
import { loadOutcomes } from "../steps-loader";
import { regionName, topicName } from "../results/words";

/**
 * Warnings on an event card that the scenario is valid but probably not what was meant, read
 * from the engine's forecast of it (outcomesByEvent): the event falls outside the forecast's
 * years, its matter has no clause in the chosen region, or a share granted was set where no
 * clause that pays is discretionary; and the plan's inconsistencies the engine finds (a
 * certificate through a review its product never entered, forecast/consistency.ts). Computed a moment after typing (useDeferredValue), with
 * the forecast's code loaded on first use (steps-loader.ts), as the results step loads it.
 */
export function usePlausibility(scenario: Scenario | undefined, i18n: I18n): ReadonlyMap<number, readonly string[]> {
  const later = useDeferredValue(scenario);
  const [warnings, setWarnings] = useState<ReadonlyMap<number, readonly string[]>>(new Map());
  useEffect(() => {
    let live = true;
    if (!later) setWarnings(new Map());
    else
      void loadOutcomes()
        .then(({ outcomesOf, planWarningsOf }) => {
          if (!live) return;
          const found = warningsOf(later, outcomesOf(later), i18n);
          for (const { event, text } of planWarningsOf(later, i18n.lang)) found.set(event, [...(found.get(event) ?? []), text]);
          setWarnings(found);
        })
        .catch(() => live && setWarnings(new Map()));
    return () => {
      live = false;
    };
  }, [later, i18n]);
  return warnings;
}

function warningsOf(later: Scenario, outcomes: readonly EventOutcome[], i18n: I18n): Map<number, string[]> {
  const { t } = i18n;
  const warnings = new Map<number, string[]>();
  const add = (i: number, text: string) => warnings.set(i, [...(warnings.get(i) ?? []), text]);
  for (const o of outcomes) {
    if (o.event === undefined) continue;
    for (const u of o.unpaid) {
      if (u.code === "beyondHorizon") add(o.event, t("warn.outsideHorizon", { year: u.year, from: u.horizon[0], to: u.horizon[1] }));
      if (u.code === "noClauseInRegion") add(o.event, t("warn.noClauseInRegion", { topic: topicName(u.topic, i18n), region: regionName(u.region, i18n) }));
    }
    if (later.events[o.event].realisation !== undefined && o.lines.length > 0 && !o.discretionary) add(o.event, t("warn.shareWithoutDiscretion"));
  }
  return warnings;
}
