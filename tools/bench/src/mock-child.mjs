// A journey-runs-mock server for the request mixes, in its own process: `startMockServer` (the transport, the control
// plane and the fake of the bin) over a store whose page cache holds PAGE_CACHE_CHARS characters (unset: the default;
// 0: no cache), with RUNS finished runs added to the example journey (as `--runs`). Prints its URL first.
import { createJourneyRunsFake, createJourneyRunsStore } from "@journey-runs/msw";
import { startMockServer } from "@journey-runs/msw/server";

const chars = process.env.PAGE_CACHE_CHARS;
const store = createJourneyRunsStore(chars === undefined || chars === "" ? {} : { pageCacheChars: Number(chars) });
const fake = createJourneyRunsFake({ store });
// As the bin's `--runs`: added after the store was made, so a reset takes them away (the bin does the same).
fake.store.example?.addRuns(Number(process.env.RUNS ?? 0));
// The control plane is on, as in the bin (it is off by default in the API).
const server = await startMockServer({ port: 0, fake, control: true });
process.stdout.write(`${server.url}\n`);
process.once("SIGTERM", () => server.close().then(() => process.exit(0)));
