import type { Claimable } from "../engine";
import { emptyEvent, type DraftEvent, type EventType } from "./draft";

type Condition = Claimable["conditions"][number];

/**
 * The event one click on "What else could be claimed" adds: of the clause's kind, in the
 * horizon's first year, with the facts the clause's own conditions fix where the card has a box
 * for them (a certificate's class, its review pathway, local production), so the card is the
 * one the clause pays for: （五）'s class III entry adds a class III certificate, （八）'s a
 * certificate produced locally. Where a text names several values (国家、省级创新…特别审批程序),
 * the first it names; what the text leaves open (the product, its R&D cost) stays for the person.
 */
export function claimingEvent(c: Claimable & { readonly claimWith: EventType }, year: string): DraftEvent {
  const event = { ...emptyEvent(c.claimWith, year), ...(c.claimWith === "other" ? { topic: c.topic } : {}) };
  if (c.claimWith !== "certificate") return event;
  const fixed = (fact: string) => c.conditions.find((x): x is Extract<Condition, { fact: unknown }> => "fact" in x && x.fact === fact);
  const cls = fixed("deviceClass");
  const pathway = fixed("pathway");
  const local = fixed("localProduction");
  return {
    ...event,
    ...(cls?.op === "in" ? { deviceClass: String(cls.value[0]) } : {}),
    ...(pathway?.op === "in" ? { pathway: String(pathway.value[0]) } : {}),
    // A local-production clause (深圳（八）) is claimed by a certificate produced locally, as the plan reads it (plannedTopics).
    ...(c.topic === "localProduction" || (local?.op === "is" && local.value === true) ? { localProduction: true } : {}),
  };
}
