/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  // test/addin checks the built add-in: build dist/ first when it is missing or stale.
  globalSetup: "<rootDir>/test/addin/build-dist.js",
  // The task pane's lazily loaded steps, loaded synchronously (test/support/steps-loader.ts).
  moduleNameMapper: { "^\\.\\.?/steps-loader(\\.js)?$": "<rootDir>/test/support/steps-loader.ts" },
  transform: {
    // Type checking runs once in `npm test` (tsc --noEmit); with isolatedModules set in
    // tsconfig.json, ts-jest only transpiles.
    "^.+\\.tsx?$": "ts-jest",
  },
};
