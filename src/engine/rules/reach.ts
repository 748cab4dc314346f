import { isRegionProblem, placesOf, type Reach, type RegionProblem } from "../catalog/places";
import type { Region } from "../catalog/regions";
import type { Lang } from "../explain/trace";
import { engine } from "./evaluate";

/*
 * Regions against the tree of places the engine in use knows (the bundled places and the packs'):
 * the doors (a cell, the CLI, a scenario) check a region here before they ask for an amount.
 */

/** The region as typed, trimmed, if the tree knows it (with its zones); undefined otherwise. */
export function parseRegion(text: string, zones?: readonly string[]): Region | undefined {
  return isRegionProblem(engine().reach(text, zones)) ? undefined : text.trim();
}

/** The region resolved, or what is wrong with it. */
export function regionReach(text: string, zones?: readonly string[]): Reach | RegionProblem {
  return engine().reach(text, zones);
}

/** The jurisdictions whose texts reach an enterprise in a region (ruling 21); none for a region the tree does not know. */
export function jurisdictionsOf(region: Region, zones?: readonly string[]): readonly string[] {
  const reach = placesOf(engine().catalog).resolve(region, zones);
  return isRegionProblem(reach) ? [] : reach.jurisdictions;
}

/**
 * What a region must be, and what was wrong, in the reader's language, after `subject` (the
 * argument or field as the reader knows it; none where the caller names the field itself).
 */
export function regionProblemText(problem: RegionProblem, lang: Lang, subject = lang === "zh-CN" ? "地区" : "region"): string {
  const zh = lang === "zh-CN";
  const named = subject && (zh ? subject : `${subject} `);
  const colon = subject && `${subject}${zh ? "：" : ": "}`;
  switch (problem.code) {
    case "unknownPlace":
      return zh
        ? `${named}应为 changping、beijing、shenzhen（昌平、北京、深圳）、政策包加入的地名，或路径（北京市›昌平区），其后可加“+园区”（+中关村示范区）；“${problem.name}”不是已知地名`
        : `${named}must be changping, beijing or shenzhen (昌平, 北京, 深圳), a place a pack adds, or a path (北京市›昌平区), optionally followed by +zone (+中关村示范区); "${problem.name}" is not a known place`;
    case "unknownZone":
      return zh ? `${colon}“${problem.name}”不是已知的园区或片区` : `${colon}"${problem.name}" is not a known zone`;
    case "zoneElsewhere":
      return zh
        ? `${colon}${problem.zone.zh}不在${problem.place.zh}：其成员须位于其所在地区之内`
        : `${colon}${problem.zone.en ?? problem.zone.zh} does not lie in ${problem.place.en ?? problem.place.zh}: its members are within its own place`;
  }
}

