import { claimable, forecast, type Claimable } from "../../src/engine";
import { claimingEvent } from "../../src/taskpane/wizard/claim";
import { emptyDraft, validate, type DraftEvent, type EventType } from "../../src/taskpane/wizard/draft";

/*
 * One click on "What else could be claimed" adds the card the clause pays for (issue 20, "What
 * else could be claimed": one click to add the matching event). For a Shenzhen device maker
 * (深圳器械措施), a certificate added from （五）'s class III entry is class III; from its
 * innovative class III entry, class III through the national innovative review (the first
 * pathway the text names: 国家、省级创新医疗器械特别审批程序); from （八）, produced locally.
 * With what the text leaves to the person typed (product, R&D cost), the forecast pays that
 * very clause: （五） class III 40% × 10,000,000 = 4,000,000 (under its 5,000,000 cap); the
 * innovative entry, with 14,000,000 of R&D, 40% = 5,600,000: over the class III cap of
 * 5,000,000, under the raised 6,000,000, so the innovative entry, not the base one, pays it.
 */

const draft = { ...emptyDraft(2026), name: "Plan", region: "shenzhen", sector: "device" };
const listed = claimable(validate({ ...draft, events: [] }).scenario ?? (() => { throw new Error("the profile does not validate"); })());
const item = (id: string) => listed.find((c) => c.clause === id) as Claimable & { claimWith: EventType };

/** The card added for a clause, with the product and R&D cost typed; the forecast's lines by clause. */
function paid(id: string, rdCost = "10000000") {
  const typed: DraftEvent = { ...claimingEvent(item(id), draft.from), product: "PET-CT", rdCost };
  const v = validate({ ...draft, events: [typed] });
  if (!v.scenario) throw new Error(`${id}: ${[...v.problems.keys()].join(", ")}`);
  return new Map(forecast(v.scenario).lines.filter((l) => l.expected.gt(0)).map((l) => [l.trace.clause.id, l.expected.toFixed()]));
}

test("（五） class III: a class III certificate, standard pathway, the clause pays 40% of R&D", () => {
  const card = claimingEvent(item("shenzhen-device/5.class3"), "2026");
  expect([card.type, card.year, card.deviceClass, card.pathway, card.localProduction]).toEqual(["certificate", "2026", "3", "standard", false]);
  expect(paid("shenzhen-device/5.class3").get("shenzhen-device/5.class3")).toBe("4000000");
});

test("（五） innovative class III: class III through the national innovative review, that clause pays", () => {
  const card = claimingEvent(item("shenzhen-device/5.innovative-class3"), "2026");
  expect([card.deviceClass, card.pathway]).toEqual(["3", "innovative"]);
  expect(paid("shenzhen-device/5.innovative-class3", "14000000")).toEqual(new Map([["shenzhen-device/5.innovative-class3", "5600000"]]));
});

test("（八） local production: a certificate produced locally, and the clause leaves the list", () => {
  const card = claimingEvent(item("shenzhen-device/8"), "2026");
  expect([card.type, card.localProduction]).toEqual(["certificate", true]);
  const v = validate({ ...draft, events: [{ ...card, product: "PET-CT", deviceClass: "3", rdCost: "10000000" }] });
  expect(claimable(v.scenario!).map((c) => c.clause)).not.toContain("shenzhen-device/8");
});

test("an event of another kind, or a clause that fixes nothing of the card: the empty card of its kind in the horizon's first year", () => {
  const plant = claimingEvent(item("shenzhen-device/7"), "2026");
  expect(plant).toEqual({ ...plant, type: "facility", year: "2026", cost: "", areaM2: "" });
  const other = claimingEvent(item("shenzhen-device/23.training"), "2026");
  expect([other.type, other.topic]).toEqual(["other", "training"]);
});
