import type { Preview } from "@storybook/react-vite";
import { mswLoader } from "msw-storybook-addon/csf3";
import { journeyRunsMock, setStoryScene } from "../src/journey-runs-mock";

const preview: Preview = {
  // mswLoader starts the worker once and gives each story the handlers of `parameters.msw`; setStoryScene then sets
  // the story's scene on the one fake behind those handlers, on every visit.
  loaders: [mswLoader(), setStoryScene],
  parameters: {
    msw: journeyRunsMock.handlers,
    // Inline stories of a Docs page share one preview, so one fake: all would show the scene set last. An iframe per
    // story gives each its own preview, worker client and fake.
    docs: { story: { inline: false, iframeHeight: "260px" } },
  },
};

export default preview;
