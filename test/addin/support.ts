import { webcrypto } from "node:crypto";
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";

/** The built add-in (jest's globalSetup builds it when missing or stale). */
export const dist = path.resolve(__dirname, "../../dist");
export const root = path.resolve(__dirname, "../..");
export const readDist = (file: string): string => fs.readFileSync(path.join(dist, file), "utf8");

/** Excel's error codes as @types/custom-functions-runtime declares them. */
export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

/** What a test sees of a CustomFunctions.Error the functions return or throw. */
export class ExcelError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

export type ExcelFunction = (...args: unknown[]) => unknown;

/** What the page offers functions.js's chunk loader: a script tag that runs the chunk, or one that fails. */
export type ChunkLoading = "load" | "refuse";

export interface LoadedFunctions {
  readonly functions: Map<string, ExcelFunction>;
  /** The global scope functions.js runs in (its SubsidyEngineLoad, its chunk array). */
  readonly context: vm.Context;
  /** Every script functions.js asked the page to load, by its src. */
  readonly requested: string[];
  /** Switches what the page does with the next script tag. */
  chunks: ChunkLoading;
}

/**
 * dist/functions.js run the way Excel's runtime runs it: a fresh global scope holding only a
 * minimal CustomFunctions (associate records each id, Error and ErrorCode as Office.js has them),
 * and, when given, an Office whose context reports a display language (and `globals`, such as a
 * fake Excel); Web Crypto and TextEncoder, which every runtime Office uses has (a pack's hash is
 * their SHA-256, workbook/pack-hash.ts). Its lazily loaded chunk
 * is fetched as the shared runtime's page fetches it, by a script tag webpack adds to <head>
 * (src/functions/loaded.ts): here a minimal document whose <head> runs dist/<src> in the same
 * scope and reports "load" ("load"), or reports "error" without running anything ("refuse").
 */
export function openFunctions(options: { displayLanguage?: string; chunks?: ChunkLoading; globals?: Record<string, unknown> } = {}): LoadedFunctions {
  const associated = new Map<string, ExcelFunction>();
  const CustomFunctions = {
    associate(idOrMappings: string | Record<string, ExcelFunction>, fn?: ExcelFunction) {
      const pairs = typeof idOrMappings === "string" ? [[idOrMappings, fn] as const] : Object.entries(idOrMappings);
      for (const [id, f] of pairs) {
        if (associated.has(id)) throw new Error(`${id} associated twice`);
        if (typeof f !== "function") throw new Error(`${id} associated with ${typeof f}`);
        associated.set(id, f);
      }
    },
    Error: ExcelError,
    ErrorCode,
  };
  const office = options.displayLanguage === undefined ? {} : { Office: { context: { displayLanguage: options.displayLanguage } } };
  type Script = { src: string; onload?: (e: object) => void; onerror?: (e: object) => void; setAttribute(): void };
  const document = {
    getElementsByTagName: () => [],
    createElement: (): Script => ({ src: "", setAttribute: () => undefined }),
    head: {
      appendChild(script: Script) {
        page.requested.push(script.src);
        const mode = page.chunks;
        setImmediate(() => {
          if (mode === "refuse") return script.onerror?.({ type: "error", target: script });
          vm.runInContext(readDist(script.src), context, { filename: `dist/${script.src}` });
          script.onload?.({ type: "load", target: script });
        });
      },
    },
  };
  const context = vm.createContext({ CustomFunctions, document, setTimeout, clearTimeout, console, crypto: webcrypto, TextEncoder, ...office, ...options.globals });
  const page: LoadedFunctions = { functions: associated, context, requested: [], chunks: options.chunks ?? "load" };
  vm.runInContext(readDist("functions.js"), context, { filename: "dist/functions.js" });
  return page;
}

/** openFunctions's functions, its chunk loaded on first need: EXPLAIN, CLAUSES and FORECAST answer a Promise the first time. */
export const loadFunctions = (displayLanguage?: string): Map<string, ExcelFunction> => openFunctions({ displayLanguage }).functions;

/** The whole engine functions.js hands the task pane (src/functions/share-engine.ts), its chunk loaded. */
export const sharedEngine = (page: LoadedFunctions): Promise<typeof import("../../src/engine")> => (page.context.SubsidyEngineLoad as () => Promise<typeof import("../../src/engine")>)();

/** openFunctions's functions with the chunk already loaded, as after the first EXPLAIN: every function answers at once. */
export async function loadedFunctions(displayLanguage?: string): Promise<Map<string, ExcelFunction>> {
  const page = openFunctions({ displayLanguage });
  await sharedEngine(page);
  return page.functions;
}

export interface MetadataParameter {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: "scalar" | "matrix";
  optional?: boolean;
  repeating?: boolean;
}
export interface MetadataFunction {
  id: string;
  name: string;
  description?: string;
  parameters: MetadataParameter[];
  result: { type?: string; dimensionality?: "scalar" | "matrix" };
}
export const readMetadata = (file: string): { functions: MetadataFunction[] } => JSON.parse(readDist(file));
