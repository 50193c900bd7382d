// jsdom with the Node globals msw needs (jest-fixed-jsdom), resolving packages with the "node" export condition.
// jest-fixed-jsdom 0.0.11 always resolves with [""] and ignores testEnvironmentOptions.customExportConditions, which
// would give @journey-runs/client its WebCrypto build, and jsdom has no crypto.subtle.
import FixedJSDOMEnvironment from "jest-fixed-jsdom";

export default class JourneyRunsTestEnvironment extends FixedJSDOMEnvironment {
  /** @param {ConstructorParameters<typeof FixedJSDOMEnvironment>} args */
  constructor(...args) {
    super(...args);
    this.customExportConditions = ["node", "node-addons"];
  }
}
