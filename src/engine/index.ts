/** The engine's public surface: everything the functions, task pane and CLI may use, stage by stage. */
// The catalog's texts first, so every module below finds them (in the built add-in they load
// with this module; compiled-text.ts).
import "./catalog/compiled-text";
export * from "./catalog";
export * from "./rules";
export * from "./input";
export * from "./forecast";
export * from "./accounting";
export * from "./explain";
