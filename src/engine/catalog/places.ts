import type { Place, PlaceTree, Zone } from "./schema";

/*
 * Jurisdictions as data (ruling 21): a tree of places (country, province or municipality, city,
 * district) and zones that cut across it as memberships. An enterprise's region is a place plus
 * its zones; the texts of every place on the path from the country down reach it, a zone's only
 * its members. No schema here: the amount path resolves regions, and the tree was checked when
 * the catalog was built (build.ts).
 */

/** Where an enterprise is, resolved: its place, the path down to it, and the zones it belongs to. */
export interface Reach {
  /** The place id and the zone ids, sorted: one key per distinct reach. */
  readonly key: string;
  readonly place: Place;
  /** From the country down to the place. */
  readonly path: readonly Place[];
  /** Every zone it belongs to, stated or assumed. */
  readonly zones: readonly Zone[];
  /** The zones a built-in name assumes (`changping`: 昌平组团), not stated by the user. */
  readonly assumed: readonly Zone[];
  /** The jurisdictions whose texts reach it: the place first, up to the country, then the zones. */
  readonly jurisdictions: readonly string[];
}

export type RegionProblem =
  | { readonly code: "unknownPlace"; readonly name: string }
  | { readonly code: "unknownZone"; readonly name: string }
  | { readonly code: "zoneElsewhere"; readonly zone: Zone; readonly place: Place };

export const isRegionProblem = (r: Reach | RegionProblem): r is RegionProblem => "code" in r;

export interface PlaceIndex {
  readonly tree: PlaceTree;
  /** A region as typed: a name (changping, 昌平区, 苏州工业园区), a path (北京市›昌平区), either with `+zone…`; and zones stated beside it. */
  resolve(region: string, zones?: readonly string[]): Reach | RegionProblem;
  /**
   * The jurisdiction whose stacking a jurisdiction's texts join: itself, or, where its texts
   * say a matter is paid once across both (`most-favourable`), that other one's.
   */
  unitOf(jurisdiction: string): string;
  place(id: string): Place | undefined;
  zone(id: string): Zone | undefined;
}

const norm = (s: string) => s.trim().toLowerCase();
const PLUS = /\s*[+＋]\s*/;
const STEP = /\s*[›>]\s*/;

export function placeIndex(tree: PlaceTree): PlaceIndex {
  const places = new Map(tree.places.map((p) => [p.id, p]));
  const zones = new Map(tree.zones.map((z) => [z.id, z]));
  const namesOf = (x: Place | Zone) => [x.id, x.zh, ...(x.en ? [x.en] : []), ...x.aliases].map(norm);
  const placeByName = new Map<string, Place>();
  for (const p of tree.places) for (const n of namesOf(p)) placeByName.set(n, p);
  const zoneByName = new Map<string, Zone>();
  for (const z of tree.zones) for (const n of namesOf(z)) zoneByName.set(n, z);

  const pathOf = (p: Place): Place[] => {
    const path = [p];
    for (let up = p.parent && places.get(p.parent); up && path.length < 10; up = up.parent && places.get(up.parent)) path.unshift(up);
    return path;
  };

  function unitOf(id: string): string {
    for (let at = id, hops = 0; hops < 10; hops++) {
      const c = (places.get(at) ?? zones.get(at))?.combine;
      if (!c || c.rule !== "most-favourable") return at;
      at = c.with;
    }
    return id;
  }

  /** `北京市›昌平区`: each step a child of the one before; the place named, nothing assumed. */
  function byPath(steps: readonly string[]): Place | undefined {
    let at: Place | undefined;
    for (const step of steps) {
      const n = norm(step);
      const next: Place | undefined = tree.places.find((p) => (at ? p.parent === at.id : true) && namesOf(p).includes(n));
      if (!next) return undefined;
      at = next;
    }
    return at;
  }

  function resolve(region: string, stated: readonly string[] = []): Reach | RegionProblem {
    const [head, ...named] = region.split(PLUS);
    const steps = head.split(STEP);
    const place = steps.length > 1 ? byPath(steps) : placeByName.get(norm(head));
    if (!place) return { code: "unknownPlace", name: head.trim() };
    const path = pathOf(place);
    const members: Zone[] = [];
    for (const name of [...named, ...stated]) {
      const z = zoneByName.get(norm(name));
      if (!z) return { code: "unknownZone", name: name.trim() };
      if (!path.some((p) => p.id === z.within)) return { code: "zoneElsewhere", zone: z, place };
      if (!members.includes(z)) members.push(z);
    }
    const assumed = steps.length > 1 ? [] : (place.assumes ?? []).map((id) => zones.get(id)!).filter((z) => z && !members.includes(z));
    const all = [...members, ...assumed];
    return {
      key: [place.id, ...all.map((z) => z.id).sort()].join("+"),
      place,
      path,
      zones: all,
      assumed,
      jurisdictions: [...path.map((p) => p.id).reverse(), ...all.map((z) => z.id)],
    };
  }

  return { tree, resolve, unitOf, place: (id) => places.get(id), zone: (id) => zones.get(id) };
}

const indexes = new WeakMap<PlaceTree, PlaceIndex>();

/** The index of a catalog's tree, built once per tree. */
export function placesOf(catalog: { readonly places: PlaceTree }): PlaceIndex {
  let index = indexes.get(catalog.places);
  if (!index) {
    index = placeIndex(catalog.places);
    indexes.set(catalog.places, index);
  }
  return index;
}

/**
 * Problems of a tree, in English for the build and as codes for pack check: parents, zones'
 * places and combinations known, one country, no cycle, no name used twice.
 */
export function treeProblems(tree: PlaceTree): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const x of [...tree.places, ...tree.zones]) {
    if (ids.has(x.id)) problems.push(`${x.id}: the id is used twice`);
    ids.add(x.id);
  }
  const places = new Map(tree.places.map((p) => [p.id, p]));
  const zones = new Map(tree.zones.map((z) => [z.id, z]));
  const roots = tree.places.filter((p) => p.parent === undefined);
  if (roots.length !== 1) problems.push(`(places): exactly one place has no parent (the country), found ${roots.map((p) => p.id).join(", ") || "none"}`);
  const ancestors = (p: Place): string[] => {
    const up: string[] = [];
    for (let at = p.parent; at !== undefined && up.length <= tree.places.length; at = places.get(at)?.parent) up.push(at);
    return up;
  };
  for (const p of tree.places) {
    if (p.parent !== undefined && !places.has(p.parent)) problems.push(`${p.id}: parent "${p.parent}" is not a known place`);
    const up = ancestors(p);
    if (up.includes(p.id)) problems.push(`${p.id}: its parents lead back to it`);
    if (p.combine && !up.includes(p.combine.with)) problems.push(`${p.id}: combine.with "${p.combine.with}" is not a place above it`);
    for (const z of p.assumes ?? []) if (!zones.has(z)) problems.push(`${p.id}: assumes "${z}", not a known zone`);
  }
  for (const z of tree.zones) {
    const within = places.get(z.within);
    if (!within) problems.push(`${z.id}: within "${z.within}" is not a known place`);
    else if (z.combine.with !== z.within && !ancestors(within).includes(z.combine.with)) problems.push(`${z.id}: combine.with "${z.combine.with}" is not its place or a place above it`);
  }
  const seen = new Map<string, string>();
  for (const x of [...tree.places, ...tree.zones]) {
    for (const n of new Set([x.id, x.zh, ...(x.en ? [x.en] : []), ...x.aliases].map(norm))) {
      const other = seen.get(n);
      if (other !== undefined && other !== x.id) problems.push(`${x.id}: the name "${n}" is already ${other}'s`);
      seen.set(n, x.id);
    }
  }
  return problems;
}
