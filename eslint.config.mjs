// `npm run lint` (office-addin-lint check) uses this file: the Office add-in rules
// (eslint-plugin-office-addins: Excel.run / context.sync / load misuse, no eval, unused code).
// The plugin's recommended config names the TypeScript parser but hands ESLint `undefined`
// (4.0.10), so it is set here.
import tsParser from "@typescript-eslint/parser";
import officeAddins from "eslint-plugin-office-addins";

// The plugin's TypeScript block names .ts files only; the task pane's .tsx files get the same rules.
const typescriptBlock = officeAddins.configs.recommended.find((c) => c.rules?.["office-addins/load-object-before-read"]);

export default [
  { ignores: ["dist/", "lib/", "coverage/", "node_modules/", "test-results/"] },
  ...officeAddins.configs.recommended,
  { files: ["**/*.tsx"], plugins: typescriptBlock.plugins, rules: typescriptBlock.rules },
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: { parser: tsParser, ecmaVersion: "latest" },
    rules: {
      // tsc resolves every name in `npm test`, Office, DOM and Node globals included; ESLint's
      // no-undef cannot see TypeScript's types and reports them all.
      "no-undef": "off",
      // A value and a type of one name (money.ts's Decimal) is TypeScript, and tsc reports real
      // redeclarations.
      "no-redeclare": "off",
      // Layout is by hand here (alias tables, one-line rules, long cited sentences); Prettier
      // stays available as `npm run prettier` but is not a lint error.
      "prettier/prettier": "off",
    },
  },
];
