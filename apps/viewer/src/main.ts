import "./styles.css";
import { createJourneyRunsClient } from "@journey-runs/client";
import type { JourneyRunsControl } from "@journey-runs/msw/control";
import { clientOptions, fetchPageWith } from "./client-source.js";
import { resolveSettings, type ViewerSettings } from "./settings.js";
import { mountViewer, type Viewer } from "./viewer.js";

/** The API reference page that `npm start` serves next to the viewer (apps/reference). */
const REFERENCE_URL = "http://127.0.0.1:4020/";

function showProblem(root: HTMLElement, title: string, problem: string): void {
  const section = document.createElement("section");
  section.className = "error-panel";
  section.setAttribute("role", "alert");
  const heading = document.createElement("h1");
  heading.textContent = title;
  const text = document.createElement("p");
  text.textContent = problem;
  section.append(heading, text);
  root.replaceChildren(section);
}

/**
 * Adds the panel of the fake's state below the runs, from its own chunk. It never breaks the page: a failure to
 * load it leaves a one-line note.
 */
function showControlPanel(root: HTMLElement, settings: ViewerSettings, local: JourneyRunsControl | undefined): void {
  const slot = document.createElement("div");
  slot.className = "control-slot";
  (root.querySelector("main") ?? root).append(slot);
  const source =
    settings.source.kind === "endpoint"
      ? ({ kind: "endpoint", endpoint: settings.source.endpoint } as const)
      : local === undefined
        ? undefined
        : ({ kind: "local", control: local, label: "the in-page fake" } as const);
  if (source === undefined) return;
  import("./control-panel/start-control-panel.js")
    .then(({ startControlPanel }) => startControlPanel(slot, source))
    .catch((error: unknown) => {
      slot.textContent = `The fake's state is not shown: ${error instanceof Error ? error.message : String(error)}`;
    });
}

async function start(root: HTMLElement, settings: ViewerSettings): Promise<void> {
  let local: JourneyRunsControl | undefined;
  if (settings.source.kind === "mock") {
    const { startMock } = await import("./mock/start-mock.js");
    local = (await startMock(`https://pinpoint.${settings.region}.amazonaws.com`)).control;
  }
  let viewer: Viewer | undefined;
  const client = createJourneyRunsClient(clientOptions(settings, (event) => viewer?.clientRetrying(event)));
  viewer = mountViewer(root, {
    settings,
    fetchPage: fetchPageWith(client),
    sourceLabel:
      settings.source.kind === "mock"
        ? "the in-page fake of Pinpoint (@journey-runs/msw in an MSW service worker)"
        : settings.source.endpoint,
    endpointValue: settings.source.kind === "mock" ? "" : settings.source.endpoint,
    referenceUrl: REFERENCE_URL,
  });
  showControlPanel(root, settings, local);
}

const root = document.getElementById("app");
if (root !== null) {
  const result = resolveSettings(window.location.search, import.meta.env);
  if (!result.ok) {
    showProblem(root, "The page settings need a fix", result.problem);
  } else {
    start(root, result.settings).catch((error: unknown) => {
      showProblem(
        root,
        "The in-page fake could not start",
        `${error instanceof Error ? error.message : String(error)}. Open the page on http://127.0.0.1 or http://localhost (service workers need a secure origin), or use ?endpoint=http://127.0.0.1:4010 with npm run mock.`,
      );
    });
  }
}
