/**
 * Jest 30 as native ES modules (`node --experimental-vm-modules`, in the `test` script): our packages, msw and their
 * dependencies are ESM, and load as they are; only this project's .ts/.tsx files go through babel-jest, which strips
 * types and JSX and leaves `import` alone. See README.md for why, and for the CommonJS alternative.
 * @type {import("jest").Config}
 */
export default {
  // jsdom plus the Node globals jsdom lacks and msw needs (fetch, Response, streams, TextEncoder, ...), resolving
  // packages without the "browser" condition, so that msw/node loads its Node build.
  testEnvironment: "jest-fixed-jsdom",
  extensionsToTreatAsEsm: [".ts", ".tsx"],
  transform: { "^.+\\.tsx?$": "babel-jest" },
  // TypeScript's ESM imports name the emitted file (./x.js); the source is ./x.tsx.
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
  testMatch: ["<rootDir>/test/**/*.test.tsx"],
};
