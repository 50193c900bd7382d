/**
 * `npm run gate -w @journey-runs/contract-diff`, in a pull request's workflow: the breaking-change gate. Reads the
 * event at `GITHUB_EVENT_PATH`, compares the checked-out contract with the pull request's base (`baseCommit`), prints
 * the report, appends it to `GITHUB_STEP_SUMMARY` when set, and exits 1 on a breaking change without the
 * `breaking-contract-change` label, 2 when it cannot compare, 0 otherwise.
 */
import { appendFileSync } from "node:fs";
import { runGate } from "./gate.js";
import { repositoryRoot } from "./git.js";
import { readPullRequestEvent } from "./pull-request-event.js";

function main(): number {
  const event = readPullRequestEvent(process.env.GITHUB_EVENT_PATH ?? "");
  const outcome = runGate(event, repositoryRoot(process.env.INIT_CWD ?? process.cwd()));
  console.log(outcome.report);
  console.log(`\ncontract gate: ${outcome.verdict}${outcome.exitCode === 1 ? " (fails the check)" : ""}`);
  const summaryPath = process.env.GITHUB_STEP_SUMMARY;
  if (summaryPath) appendFileSync(summaryPath, outcome.summary);
  return outcome.exitCode;
}

try {
  process.exitCode = main();
} catch (error) {
  const message = (error as Error).message;
  console.error(message);
  const summaryPath = process.env.GITHUB_STEP_SUMMARY;
  if (summaryPath) appendFileSync(summaryPath, `### ❌ Contract: the gate could not compare\n\n${message}\n`);
  process.exitCode = 2;
}
