/**
 * Approval pathways of a device certificate (DESIGN.md "Approval pathways"). Each text pays only
 * the reviews it names, so the codes keep them apart: Changping 第五条（二） names the national
 * special and priority reviews, Shenzhen （五） the national and provincial special reviews,
 * Beijing 一、3 all four; `major` is Changping's recognised major class II (第五条（一）).
 */
export const pathways = ["standard", "innovative", "priority", "provincial", "provincial-priority", "major"] as const;
export type Pathway = (typeof pathways)[number];

/** Every spelling a user may type, lower-case, by code: DESIGN's aliases and the codes themselves. */
const spellings: Readonly<Record<Pathway, readonly string[]>> = {
  standard: ["standard", "常规", "标准"],
  innovative: ["innovative", "国家创新", "创新"],
  priority: ["priority", "国家优先", "优先"],
  provincial: ["provincial", "省级创新", "市级创新"],
  "provincial-priority": ["provincial-priority", "省级优先", "市级优先"],
  major: ["major", "重大二类", "重大"],
};

/** Spelling → code, in a table without a prototype (so "constructor" spells nothing). */
export const pathwaySpellings: Readonly<Record<string, Pathway>> = Object.assign(
  Object.create(null) as Record<string, Pathway>,
  Object.fromEntries(pathways.flatMap((p) => spellings[p].map((s) => [s, p]))),
);

/** A pathway by any of its spellings (trimmed, any case), or undefined. */
export function parsePathway(text: string): Pathway | undefined {
  return pathwaySpellings[text.trim().toLowerCase()];
}

/** The codes as a function's message lists them. */
export const pathwayList = "standard, innovative, priority, provincial, provincial-priority or major (常规, 国家创新, 国家优先, 省级创新/市级创新, 省级优先/市级优先, 重大二类)";
