import { forecast, outcomesByEvent, type EventOutcome, type Scenario } from "../engine";

/** The engine's forecast of a scenario by event, for the event cards' warnings (plausibility.ts). */
export const outcomesOf = (s: Scenario): EventOutcome[] => outcomesByEvent(s, forecast(s));
