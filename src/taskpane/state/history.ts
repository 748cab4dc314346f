import { useCallback, useRef, useState } from "react";

/**
 * Undo and redo over the whole wizard state, across steps. Typing into one field is one step
 * of history, not one per keystroke: a change to the same fields within a moment of the last
 * replaces it; anything else (a card removed, an example loaded, a what-if) is its own step.
 */
const LIMIT = 100;
const TYPING_MS = 1000;

export interface History<T> {
  readonly present: T;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  /** `group` names what changed (the fields typed into); the same group soon after is merged. */
  readonly set: (next: (present: T) => T, group?: string) => void;
  readonly undo: () => void;
  readonly redo: () => void;
}

interface State<T> {
  readonly past: readonly T[];
  readonly present: T;
  readonly future: readonly T[];
  readonly group?: string;
  readonly at: number;
}

export function useHistory<T>(initial: () => T): History<T> {
  const [state, setState] = useState<State<T>>(() => ({ past: [], present: initial(), future: [], at: 0 }));
  const now = useRef(() => Date.now());
  const set = useCallback((next: (present: T) => T, group?: string) => {
    setState((s) => {
      const value = next(s.present);
      if (value === s.present) return s;
      const t = now.current();
      const merge = group !== undefined && group === s.group && t - s.at < TYPING_MS && s.past.length > 0;
      return { past: merge ? s.past : [...s.past, s.present].slice(-LIMIT), present: value, future: [], group, at: t };
    });
  }, []);
  const undo = useCallback(
    () => setState((s) => (s.past.length === 0 ? s : { past: s.past.slice(0, -1), present: s.past[s.past.length - 1], future: [s.present, ...s.future], at: 0 })),
    [],
  );
  const redo = useCallback(
    () => setState((s) => (s.future.length === 0 ? s : { past: [...s.past, s.present], present: s.future[0], future: s.future.slice(1), at: 0 })),
    [],
  );
  return { present: state.present, canUndo: state.past.length > 0, canRedo: state.future.length > 0, set, undo, redo };
}
