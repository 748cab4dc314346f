import type { PackOrigin } from "./catalog";
import type { LoadedPack } from "./pack";

/**
 * What names a pack beside its figures: title, author, version, hash. A module of its own, without
 * the pack schema (zod), so that a revision's diff (pack-diff.ts) can go by the engine's main door.
 */
export const originOf = ({ pack: p, hash }: LoadedPack): PackOrigin => ({ title: p.document.title, titleEn: p.document.titleEn, author: p.author.name, version: p.version, hash });
