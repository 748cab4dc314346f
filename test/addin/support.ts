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

/**
 * dist/functions.js run the way Excel's runtime runs it: a fresh global scope holding only a
 * minimal CustomFunctions (associate records each id, Error and ErrorCode as Office.js has them),
 * and, when given, an Office whose context reports a display language.
 */
export function loadFunctions(displayLanguage?: string): Map<string, ExcelFunction> {
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
  const office = displayLanguage === undefined ? {} : { Office: { context: { displayLanguage } } };
  vm.runInNewContext(readDist("functions.js"), { CustomFunctions, ...office }, { filename: "dist/functions.js" });
  return associated;
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
