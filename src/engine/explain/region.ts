import type { Catalog } from "../catalog/catalog";
import { placesOf, type Reach } from "../catalog/places";
import type { Lang } from "./trace";

/**
 * Where an enterprise is and how the texts reaching it combine, each as its text says it (ruling
 * 21): the place's path with its zones (those a name assumes marked), then every combination the
 * tree records, with the document, article and sentence.
 */
export function reachText(reach: Reach, catalog: Catalog, lang: Lang): string[] {
  const zh = lang === "zh-CN";
  const index = placesOf(catalog);
  const name = (x: { zh: string; en?: string }) => (zh ? x.zh : (x.en ?? x.zh));
  const zones = reach.zones.map((z) => `${name(z)}${reach.assumed.includes(z) ? (zh ? "（按所填地名推定）" : " (assumed by the name given)") : ""}`);
  const out = [`${zh ? "地区：" : "Region: "}${[reach.path.slice(1).map(name).join(" › "), ...zones].join(" + ")}`];
  for (const x of [...reach.path, ...reach.zones]) {
    if (!x.combine) continue;
    const other = index.place(x.combine.with) ?? index.zone(x.combine.with);
    const doc = catalog.documents.find((d) => d.id === x.combine!.document);
    const title = doc ? (zh ? doc.title : doc.titleEn) : x.combine.document;
    const add = x.combine.rule === "add";
    out.push(
      zh
        ? `  ${name(x)}的政策与${name(other!)}的政策${add ? "叠加" : "同一事项从优、不重复"}：${title} ${x.combine.article}“${x.combine.sentence}”`
        : `  ${name(x)} ${add ? "adds to" : "pays a matter once with"} ${name(other!)}: ${title}, ${x.combine.article}: “${x.combine.sentence}”`,
    );
  }
  return out;
}
