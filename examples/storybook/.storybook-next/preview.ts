import addonDocs from "@storybook/addon-docs";
import { definePreview } from "@storybook/react-vite";
import addonMsw from "msw-storybook-addon";
import { journeyRunsMock, setStoryScene } from "../src/journey-runs-mock";

export default definePreview({
  // addonMsw() starts the worker once and resets its handlers after each story; CSF Next has no `parameters.msw`.
  addons: [addonDocs(), addonMsw()],
  async beforeEach(context) {
    context.msw.use(...journeyRunsMock.handlers);
    await setStoryScene(context);
  },
  // Inline stories of a Docs page share one fake (all would show the scene set last): one iframe per story.
  parameters: { docs: { story: { inline: false, iframeHeight: "260px" } } },
});
