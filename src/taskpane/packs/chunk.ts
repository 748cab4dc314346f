/**
 * What the packs chunk holds (steps-loader.ts loadPacks), loaded after the first render: the pack
 * check (the pack schema), the reading of the chosen files, and where packs are kept (the packs
 * part's reader and writer). A pane's first render carries none of it.
 */
export { checkStored, useInEngine } from "./check";
export { packFromFiles } from "./files";
export { keep, keepProblem, readKept } from "./keeper";
