import { packHashText } from "../engine/packs";

/**
 * A pack's content hash where the add-in runs (the task pane and the shared runtime): the
 * platform's SHA-256 (Web Crypto, present in every secure context an Office add-in runs in, and in
 * Node 20) of the text the engine says is hashed, as lower-case hex. The CLI computes the same with
 * node:crypto (src/cli/pack.ts); test/pack-hash.test.ts holds the two equal (RULINGS §77).
 */
export async function packHash(json: unknown, text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest("SHA-256", new TextEncoder().encode(packHashText(json, text)));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}
