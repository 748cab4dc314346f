/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  transform: {
    // Type checking runs once in `npm test` (tsc --noEmit); jest only transpiles.
    "^.+\\.tsx?$": ["ts-jest", { isolatedModules: true }],
  },
};
