import type { Preview } from "@storybook/react-vite";
import { mswLoader } from "msw-storybook-addon/csf3";
import { journeyRunsMock } from "../src/journey-runs-mock";

const preview: Preview = {
  // Starts the worker once, then gives each story the handlers of `parameters.msw`.
  loaders: [mswLoader()],
  parameters: {
    // One fake for every story; each story sets its own scene in a loader (src/journey-runs-mock.ts).
    msw: journeyRunsMock.handlers,
    // Inline stories of a Docs page share one preview, so one set of handlers and one fake: the last story's scene
    // would win. An iframe per story gives each its own preview, worker client and fake.
    docs: { story: { inline: false, iframeHeight: "260px" } },
  },
};

export default preview;
