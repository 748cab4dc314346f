/**
 * The catalog's texts (sentences, summaries, labels, titles, accounting words and reasons). Here
 * (Node: the tests, the CLI) compiled.ts's catalog already has them and this module is empty. In
 * the built add-in webpack replaces it with the texts, which it fills into compiled.ts's catalog
 * when it runs (scripts/catalog-loader.js): functions.js loads it with the rest of the engine, on
 * the first call that needs words (src/functions/loaded.ts), not for the amounts.
 */
export {};
