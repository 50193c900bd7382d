import { defineMain } from "@storybook/react-vite/node";

// The same stories in CSF Next (factories): `storybook build -c .storybook-next`.
export default defineMain({
  framework: "@storybook/react-vite",
  stories: ["../csf-next/*.stories.tsx"],
  addons: ["@storybook/addon-docs", "msw-storybook-addon"],
  staticDirs: ["../public"],
  core: { disableTelemetry: true },
});
