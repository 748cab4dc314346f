import type { Jurisdiction } from "./catalog/schema";

/** Where the enterprise is (ruling 4). */
export type Region = "changping" | "beijing" | "shenzhen";
export const regions: readonly Region[] = ["changping", "beijing", "shenzhen"];

// No prototype: "constructor" or "__proto__" name no region.
const aliases: Readonly<Record<string, Region>> = Object.assign(Object.create(null) as Record<string, Region>, {
  changping: "changping",
  昌平: "changping",
  昌平区: "changping",
  beijing: "beijing",
  北京: "beijing",
  北京市: "beijing",
  shenzhen: "shenzhen",
  深圳: "shenzhen",
  深圳市: "shenzhen",
});

/** Case-insensitive, trimmed; undefined for anything else. */
export function parseRegion(text: string): Region | undefined {
  return aliases[text] ?? aliases[text.trim().toLowerCase()];
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
