import addonDocs from "@storybook/addon-docs";
import { definePreview } from "@storybook/react-vite";
import addonMsw from "msw-storybook-addon";
import { journeyRunsMock } from "../src/journey-runs-mock";

export default definePreview({
  // addonMsw() starts the worker once and resets its handlers after each story; CSF Next has no `parameters.msw`.
  addons: [addonDocs(), addonMsw()],
  beforeEach({ msw }) {
    msw.use(...journeyRunsMock.handlers);
  },
  // Inline Docs stories would share one fake (the scene set last wins): one iframe per story.
  parameters: { docs: { story: { inline: false, iframeHeight: "260px" } } },
});
