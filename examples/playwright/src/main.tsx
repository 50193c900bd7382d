// The app, on a fake Pinpoint in a service worker: msw/browser with the handlers of @journey-runs/msw. The fake is on
// `window.journeyRunsMock`, so that end-to-end tests change it while the page runs.
import { createJourneyRunsClient } from "@journey-runs/client";
import { createJourneyRunsMock, EXAMPLE_IDS } from "@journey-runs/msw";
import { setupWorker } from "msw/browser";
import { StrictMode, useState } from "react";
import { createRoot } from "react-dom/client";
import { JourneyRunsList } from "./journey-runs-list.js";

const mock = createJourneyRunsMock({ seed: 1 });
await setupWorker(...mock.handlers).start({ onUnhandledRequest: "bypass", quiet: true });
window.journeyRunsMock = mock;

// Signed with made-up keys (WebCrypto; 127.0.0.1 is a secure context), sent to Pinpoint's real endpoint: the worker
// answers before anything leaves the page. The AWS default retries: 3 attempts, with backoff.
const client = createJourneyRunsClient({
  region: "us-east-1",
  credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" },
});

/** The list, and a button that mounts it anew (under StrictMode: mount, unmount, mount, as React 19 does). */
function App() {
  const [generation, setGeneration] = useState(0);
  return (
    <main>
      <button type="button" onClick={() => setGeneration((value) => value + 1)}>
        Reload
      </button>
      <JourneyRunsList key={generation} client={client} {...EXAMPLE_IDS} />
    </main>
  );
}

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
