/**
 * What each story must show, as the text of the list (whitespace collapsed). `steps` are clicks on buttons of the
 * story, each followed by the text expected after it.
 */
const EXAMPLE_RUNS = "99999999998888888888777777777766 COMPLETED ffffffffffeeeeeeeeeeddddddddddcc SCHEDULED";
const EXAMPLE_JOURNEY = "Runs of journey aaaaaaaaaabbbbbbbbbbccccccccccdd";

/** @type {{ id: string, text: RegExp, steps?: { click: string, text: RegExp }[] }[]} */
export const STORIES = [
  {
    id: "journey-runs-list--example-runs",
    text: new RegExp(`^${EXAMPLE_JOURNEY} 2 runs, all shown\\. ${EXAMPLE_RUNS}$`),
  },
  {
    id: "journey-runs-list--sixty-runs",
    text: /^Runs of journey sixty-runs 25 runs, more available\. (?:[0-9a-f]{32} (?:COMPLETED|CANCELLED) ){25}Load more$/,
    steps: [
      {
        click: "Load more",
        text: /^Runs of journey sixty-runs 50 runs, more available\. (?:[0-9a-f]{32} (?:COMPLETED|CANCELLED) ){50}Load more$/,
      },
      {
        click: "Load more",
        text: /^Runs of journey sixty-runs 60 runs, all shown\. (?:[0-9a-f]{32} (?:COMPLETED|CANCELLED) ){59}[0-9a-f]{32} (?:COMPLETED|CANCELLED)$/,
      },
    ],
  },
  {
    id: "journey-runs-list--not-found",
    text: /^Runs of journey no-such-journey Could not load runs after 1 attempt: NotFoundException \(404\): .+$/,
  },
  {
    id: "journey-runs-list--throttled-then-recovered",
    text: new RegExp(
      `^${EXAMPLE_JOURNEY} Recovered after 2 retries \\(TooManyRequestsException\\)\\. 2 runs, all shown\\. ${EXAMPLE_RUNS}$`,
    ),
  },
  {
    id: "journey-runs-list--server-error",
    text: new RegExp(
      `^${EXAMPLE_JOURNEY} Could not load runs after 3 attempts: InternalServerErrorException \\(500\\): .+$`,
    ),
  },
];

/** The autodocs page of the component. */
export const DOCS_ID = "journey-runs-list--docs";

/** A seeded shuffle (mulberry32 + Fisher-Yates), so that a failing order can be replayed with STORY_SEED. */
export function shuffle(items, seed) {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
