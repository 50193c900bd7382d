import type { CheckRecord } from "./record.js";

/** One test of the run, as vitest's JSON reporter gives it. */
export interface TestResult {
  /** The test file, relative to tools/reliability. */
  file: string;
  /** `describe > ... > title`, as the tests record it. */
  name: string;
  title: string;
  /** `passed`, `failed`, `skipped`, ... (an `it.fails` test that failed as expected is `passed`). */
  status: string;
  durationMs: number;
}

/** Everything the page is made from: one run of the suite and the audit. */
export interface ReportInput {
  results: TestResult[];
  checks: CheckRecord[];
  audit: string;
  seconds: number;
  seed: number;
  /** The number of runs from `JOURNEY_RUNS_FC_RUNS`, when set. */
  runsOverride: number | undefined;
  node: string;
  date: string;
  defaults: { seed: number; runsVariable: string; seedVariable: string };
}

/** "all passed", or how many of a file's tests did not end as expected. */
const resultOfAll = (tests: readonly TestResult[], file: string): string => {
  const failed = tests.filter((test) => test.file === file && test.status !== "passed");
  return failed.length === 0 ? "all as expected" : `${failed.length} not as expected`;
};

/** The sections of the page, by test file, with what each file proves. */
const SECTIONS: [file: string, title: string, what: string][] = [
  [
    "test/sigv4.property.test.ts",
    "SigV4 signatures (property)",
    "The client's `Authorization` header against `@smithy/signature-v4`, the signer of the AWS SDK for JavaScript v3.",
  ],
  [
    "test/ids.property.test.ts",
    "Ids (property)",
    "Ids sent by the client through `journey-runs-mock` over HTTP, and ids the client must refuse.",
  ],
  [
    "test/pagination.model.test.ts",
    "Pagination (model-based)",
    "`fc.commands` against a model of the journey: the client's paginator through the MSW handlers, while runs are added (at the end, in the past, tied with the cursor), change status, and the fake injects 429s, 500s and dropped connections between pages.",
  ],
  [
    "test/mock-contract.property.test.ts",
    "The mock answers as the contract documents (property)",
    "Random requests to `journey-runs-mock` (raw node:http) and to the MSW handlers (fetch); answers validated by ajv against `openapi/journey-runs.yaml`.",
  ],
  [
    "test/retry.property.test.ts",
    "Retries (property)",
    "Scripted answers through a fake `fetch`, fake timers; waits compared with AWS standard mode.",
  ],
  [
    "test/faults.test.ts",
    "Fault injection over real HTTP",
    'Small faulty node:http servers on 127.0.0.1 (and `journey-runs-mock` in its own process for clock skew); fake timers (jitter 0.5) make every wait exact, so "Time" below is real time, not the virtual time asserted; after each call: no client timer, no open socket or server handle, no unhandled rejection.',
  ],
  [
    "test/secrets.test.ts",
    "Secrets in errors and logs",
    "Secret key, session token and every signature sent, searched in `message`, `toString()`, `stack`, `JSON.stringify`, `util.inspect` down the `cause` chain, in `onRetry` errors, and in everything the mock logs (library `log` and the `journey-runs-mock` command's stdout/stderr).",
  ],
  [
    "test/mock-sigv4.test.ts",
    "The mock's SigV4 check",
    "Requests signed by the client at chosen times, then replayed or tampered with.",
  ],
  [
    "test/client-redirects.test.ts",
    "The client follows no redirect (issue 11.1)",
    "Two node:http servers on 127.0.0.1 (two origins): every 3xx, signed and unsigned, ends in a typed error after one request; no header of the call reaches the other origin.",
  ],
  [
    "test/client-body-bound.test.ts",
    "The client reads a bounded body (issue 11.2)",
    "Endless chunked, 1 GiB-announced and oversized bodies at 200, 500, 503 and 302: a typed error after about 1 MiB read, never `ERR_STRING_TOO_LONG` or a `NetworkError`.",
  ],
  [
    "test/client-credentials-hang.test.ts",
    "A credentials provider that never answers (issue 11.3)",
    "Fake timers: the AbortSignal and `timeoutMs` end the call while the provider hangs; one real-timer run too.",
  ],
  [
    "test/client-pagination-loops.test.ts",
    "Pagination loops (issue 11.4)",
    "Token cycles of any length after any prefix, and ever-new tokens on empty pages, through both paginators: a typed error within a bound of pages; long chains of distinct tokens still finish.",
  ],
  [
    "test/client-page-validation.test.ts",
    "Page validation (issue 11.5)",
    "Valid pages pass; pages one field off the contract (status, item count, empty strings, empty `NextToken`) fail after one request.",
  ],
  [
    "test/client-deterministic-failures.test.ts",
    "Deterministic failures are not retried (issue 11.5)",
    "Header overflow and redirect loops: one request; a reset connection: every attempt.",
  ],
  [
    "test/bad-input.property.test.ts",
    "Bad input never crashes the client (property)",
    "Random inputs and options of every kind (null-prototype objects, Symbols, bigints, huge numbers) to `getJourneyRuns` and both client factories: a result or `InvalidInputError` naming the field, never a `TypeError`.",
  ],
  [
    "test/mock-unauthenticated-memory.test.ts",
    "Unauthenticated requests keep no memory (issue 11.6)",
    "20,000 forged requests with random Regions against `journey-runs-mock` with a 16 MB heap, and in-process heap after GC.",
  ],
  [
    "test/mock-body-bounds.test.ts",
    "Bodies are checked, bounded and never kept (issue 11.7, 11.13)",
    "Checks that need no body come first; 60 large bodies at once; chunked bodies over 7 MB get 413; slow drips are cut by the request timeout.",
  ],
  [
    "test/mock-process-lifecycle.test.ts",
    "The bin under EPIPE and signals (issue 11.8, 11.9)",
    "`journey-runs-mock | head -1`; SIGTERM and SIGINT with 100 requests in flight; a grace period that runs out.",
  ],
  [
    "test/mock-transport-errors.test.ts",
    "Transport-level refusals in the AWS shape (issue 11.14)",
    "Every refusal of Node's HTTP parser (431, bad framing, unknown method, Expect, CONNECT, ...) and random byte mutations of a valid request.",
  ],
  [
    "test/mock-query-names.test.ts",
    "Query parameter names in the SigV4 check (issue 11.10)",
    "Arbitrary names (`__proto__`, `constructor`, `toString`, ...) in signed requests verify; an appended parameter breaks the signature.",
  ],
  [
    "test/mock-log-redaction.test.ts",
    "Log redaction by decoded name (issue 11.11)",
    "Credential query parameters under any percent-encoding of their names never reach the log.",
  ],
  [
    "test/mock-token-binding.test.ts",
    "Page tokens bound to their journey (issue 11.12)",
    "Ids with any characters, including the separators of the old cache key: another journey's token is refused.",
  ],
  [
    "test/mock-control-work-bounds.test.ts",
    "What a control operation may cost, at the bound and one past it",
    "The built bin: runs made per request (10,000) and held per store (200,000), runs a scene makes over all its parts (100,000), `PUT /state` bodies of 16 MiB of empty arrays and at 1,000,000 objects and arrays or 32 levels of nesting, 63 MiB uploads and dumps that are never read against the 128 MiB held at once, dumps of 200,000 runs, clock and run times at the end of the Date range, latency past 2^31 - 1 ms, and `Expect: 100-continue`. Protects the process (event loop, heap) from one small request and from many connections together.",
  ],
  [
    "test/mock-control-intent.test.ts",
    "Proof of intent on control-plane writes; tenants; the control client's paths and redirects",
    "DNS-rebound `Host` and `Origin`, writes without the intent header, loopback names (127.0.0.1, localhost, [::1], *.localhost), a token instead of a loopback `Host`; unsigned control requests naming more keys than the tenant bound before signing keys arrive; ids `.` and `..` and a 307 to another origin through `connectJourneyRunsControl`; control tokens with whitespace or non-ASCII. Protects a fake on loopback from web pages, signing keys from unsigned names, and test code from false successes.",
  ],
  [
    "test/mock-data-paths.test.ts",
    "`--data` paths of every kind",
    "Symbolic links to pages and folders, dangling links, FIFOs (given and inside a folder), 10,000 and 10,001 applications in one dump, runs out of page order, a run that ends before it starts, 100,000 levels of nesting where an id goes, and ids with NUL that joined keys would merge. Protects the start from silent skips, hangs, errors without file and pointer, and merged journeys.",
  ],
  [
    "test/mock-tenant-memory.test.ts",
    "Tenants share the data they read; the journal keeps what it shows",
    "20 tenants over 200,000 runs of `--data` (memory of the server before and after), a tenant changing a shared run and resetting, and 8,000 journal entries of requests with 16 KB queries. Protects `--isolate` from costing a copy of the data per access key, and the journal from keeping whole request targets.",
  ],
  [
    "test/mock-sigterm-backlog.test.ts",
    "SIGTERM with connections in the listen backlog",
    "The bin stopped (SIGSTOP: a process that gets no CPU) while 100 clients connect and send, then SIGTERM and SIGCONT: every request the kernel accepted is answered. Protects clients of a server that stops under load from resets.",
  ],
  [
    "test/path-tricks.test.ts",
    "Path tricks",
    "Traversal, encoded slashes, `?`, `#`, NUL, 10,000-character ids: through the client, raw to the mock, through MSW.",
  ],
  [
    "test/contract-validator.test.ts",
    "The contract validator itself",
    "The validator used above must catch each kind of break, or the contract checks would prove nothing.",
  ],
  [
    "src/audit.test.ts",
    "The audit gate",
    "How `npm run audit` reads `npm audit --omit=dev --json`, with a stand-in for npm.",
  ],
];

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

const resultOf = (test: TestResult) => {
  if (test.title.includes("KNOWN BUG"))
    return test.status === "passed" ? "known bug: fails as expected" : "**bug fixed? (it.fails now passes)**";
  return test.status === "passed" ? "pass" : `**${test.status}**`;
};

/** The Markdown of docs/reliability.md for one run. */
export const renderReport = (input: ReportInput): string => {
  const byName = new Map(input.checks.map((check) => [check.test, check]));
  const cases = (test: TestResult) => byName.get(test.name)?.cases ?? 1;
  const totalCases = input.results.reduce((sum, test) => sum + cases(test), 0);
  const failed = input.results.filter((test) => resultOf(test).startsWith("**"));
  const known = input.results.filter((test) => test.title.includes("KNOWN BUG"));
  const lines = [
    "<!-- Generated by `npm run report -w @journey-runs/reliability` from an actual run; do not edit by hand. -->",
    "# Reliability: bad input, faults and secrets",
    "",
    `What \`tools/reliability\` proves about \`@journey-runs/client\` and \`@journey-runs/msw\`, from the run of ${input.date} on Node ${input.node}: ` +
      `**${input.results.length} tests, ${totalCases.toLocaleString("en")} cases, ${failed.length === 0 ? "all as expected" : `${failed.length} failing`}** in ${input.seconds.toFixed(1)} s (wall clock of the whole \`vitest run\`, on 2 cores).`,
    "",
    `Properties ran with seed **${input.seed}**${input.runsOverride ? ` and **${input.runsOverride} runs each** (\`${input.defaults.runsVariable}\`)` : " and each property's default number of runs (sized so that `npm test` stays short)"}. ` +
      "A failing property prints its seed, its shrunk counterexample and the path to replay it.",
    "",
    "## How to run it",
    "",
    "```sh",
    "npx turbo run test --filter=@journey-runs/reliability            # as CI runs it (fixed seed, default runs)",
    `${input.defaults.runsVariable}=5000 npx turbo run test --filter=@journey-runs/reliability  # every property 5000 runs`,
    `${input.defaults.seedVariable}=123 ${input.defaults.runsVariable}=1000 npm test -w @journey-runs/reliability  # another seed`,
    "npm run report -w @journey-runs/reliability                      # run and rewrite this page",
    "npm run audit -w @journey-runs/reliability                       # the production dependency audit",
    "```",
    "",
    `\`${input.defaults.runsVariable}\` sets the number of runs of every property; \`${input.defaults.seedVariable}\` changes the seed (default ${input.defaults.seed}). ` +
      "Both are declared in `tools/reliability/turbo.json`, so turbo does not serve a cached result of another setting.",
    "",
  ];
  if (known.length > 0) {
    lines.push(
      "## Known bugs",
      "",
      "Each is a test written as `it.fails`: it passes while the bug is there and turns red once it is fixed (then make it a plain `it`).",
      "",
      ...known.map((test) => `- ${cell(test.name)} (\`${test.file}\`)`),
      "",
    );
  }
  for (const [file, title, what] of SECTIONS) {
    const tests = input.results.filter((test) => test.file === file);
    if (tests.length === 0) continue;
    lines.push(`## ${title}`, "", what, "", "| Check | Cases | Seed | Result | Time |", "|---|---:|---:|---|---:|");
    for (const test of tests) {
      const check = byName.get(test.name);
      lines.push(
        `| ${cell(test.name.split(" > ").slice(1).join(" > ") || test.name)} | ${cases(test).toLocaleString("en")} | ${check?.seed ?? ""} | ${resultOf(test)} | ${Math.round(test.durationMs)} ms |`,
      );
    }
    lines.push("");
  }
  const other = input.results.filter((test) => !SECTIONS.some(([file]) => file === test.file));
  if (other.length > 0) {
    const counts = new Map<string, number>();
    for (const test of other) counts.set(test.file, (counts.get(test.file) ?? 0) + 1);
    const listed = [...counts].map(([file, count]) => `${file} (${count} tests, ${resultOfAll(other, file)})`);
    lines.push(`Other tests of this run: ${listed.join(", ")}.`, "");
  }
  lines.push(
    "## Production dependency audit",
    "",
    "`npm run audit -w @journey-runs/reliability` runs `npm audit --omit=dev --json` at the root and fails on any high or critical advisory. " +
      "When the registry's advisory endpoint cannot be reached (an HTTP error from `/-/npm/v1/security/...`, or a network error), it prints `audit unavailable: <reason>` and exits 0: that is the only exception. On this run:",
    "",
    "```",
    input.audit,
    "```",
    "",
  );
  return `${lines.join("\n")}`;
};
