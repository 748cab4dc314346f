/** What a worksheet cell can hand a function, and what a function can hand back. */
export type Cell = number | string | boolean | null | undefined;

/** Excel's error values that these functions return, never throw. */
export type ErrorCode = "#VALUE!" | "#NUM!" | "#N/A";

export class CellError {
  constructor(
    readonly code: ErrorCode,
    readonly message: string,
  ) {}
  toString(): string {
    return `${this.code} ${this.message}`;
  }
}

export type Scalar = number | string | CellError;
export type CellResult = Scalar | Scalar[][];

export const isCellError = (x: unknown): x is CellError => x instanceof CellError;
