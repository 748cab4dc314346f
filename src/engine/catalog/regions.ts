import type { Jurisdiction } from "./schema";

/** Where the enterprise is (ruling 4). */
export type Region = "changping" | "beijing" | "shenzhen";
export const regions: readonly Region[] = ["changping", "beijing", "shenzhen"];

// A Map, so "constructor" or "__proto__" name no region, and a name read from a formula (a
// string the formula's parser cut out) is found by its hash, without being interned first.
const aliases: ReadonlyMap<string, Region> = new Map<string, Region>([
  ["changping", "changping"],
  ["昌平", "changping"],
  ["昌平区", "changping"],
  ["beijing", "beijing"],
  ["北京", "beijing"],
  ["北京市", "beijing"],
  ["shenzhen", "shenzhen"],
  ["深圳", "shenzhen"],
  ["深圳市", "shenzhen"],
]);

/** Case-insensitive, trimmed; undefined for anything else. */
export function parseRegion(text: string): Region | undefined {
  return aliases.get(text) ?? aliases.get(text.trim().toLowerCase());
}

/**
 * The jurisdictions whose policies reach an enterprise in a region. Changping's texts let
 * district and municipal support combine (第十六条 / 第十七条: 可申请同时享受市、区两级政策支持).
 */
export const jurisdictionsOf: Readonly<Record<Region, readonly Jurisdiction[]>> = {
  changping: ["changping", "beijing"],
  beijing: ["beijing"],
  shenzhen: ["shenzhen"],
};
