import type { StorybookConfig } from "@storybook/react-vite";

const config: StorybookConfig = {
  framework: "@storybook/react-vite",
  stories: ["../src/**/*.stories.tsx"],
  addons: ["@storybook/addon-docs", "msw-storybook-addon"],
  // `npx msw init public` puts MSW's worker script here; Storybook serves it at /mockServiceWorker.js.
  staticDirs: ["../public"],
  core: { disableTelemetry: true },
};

export default config;
