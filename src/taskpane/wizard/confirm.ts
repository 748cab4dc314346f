import { createContext, useContext } from "react";
import type { Draft } from "./draft";

/**
 * Removing a card or a year of figures: the app asks first when something was typed in it
 * (the undo button can still bring it back), then applies `next` as one step of history.
 */
export type RemoveCard = (what: string, typed: boolean, next: Partial<Draft>) => Promise<void>;

export const ConfirmContext = createContext<RemoveCard>(async () => undefined);
export const useRemoveCard = (): RemoveCard => useContext(ConfirmContext);
