// `npm run dev`: the list against a journey-runs-mock on port 4010 (`npx -p @journey-runs/msw journey-runs-mock`).
import { createJourneyRunsClient } from "@journey-runs/client";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { JourneyRunsList } from "./journey-runs-list.js";

const client = createJourneyRunsClient({ endpoint: "http://127.0.0.1:4010" });
const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <JourneyRunsList
        client={client}
        applicationId="11111111112222222222333333333344"
        journeyId="aaaaaaaaaabbbbbbbbbbccccccccccdd"
      />
    </StrictMode>,
  );
}
