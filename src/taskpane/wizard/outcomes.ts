import { forecast, formatPlanWarning, outcomesByEvent, planWarnings, type EventOutcome, type Lang, type Scenario } from "../engine";

/** The engine's forecast of a scenario by event, for the event cards' warnings (plausibility.ts). */
export const outcomesOf = (s: Scenario): EventOutcome[] => outcomesByEvent(s, forecast(s));

/** The plan's inconsistencies (a certificate by a review its product never entered), by event, in the engine's words. */
export const planWarningsOf = (s: Scenario, lang: Lang): { event: number; text: string }[] => planWarnings(s).map((w) => ({ event: w.event, text: formatPlanWarning(w, lang) }));
