import { spawnSync } from "node:child_process";
import type { PullRequestEvent } from "./pull-request-event.js";

/**
 * The commit to compare the checked-out contract with. A `pull_request` workflow checks out the merge commit GitHub
 * made of the pull request and the base branch as it is now; the payload's `base.sha` can be older (GitHub leaves it
 * at the base of the last push, so a `labeled` event days later names a stale base, and main's own changes since
 * would count as the pull request's). When HEAD is that merge commit (two parents, the second the pull request's
 * head), its first parent is the base it was merged with; otherwise the payload's `base.sha`.
 *
 * @example
 * ```ts
 * baseCommit(repositoryRoot(process.cwd()), readPullRequestEvent(process.env.GITHUB_EVENT_PATH ?? ""));
 * ```
 */
export function baseCommit(root: string, event: PullRequestEvent): { sha: string; from: "merge parent" | "payload" } {
  const result = spawnSync("git", ["rev-list", "--parents", "-n", "1", "HEAD"], { cwd: root, encoding: "utf8" });
  const [, first, second, ...more] = result.status === 0 ? result.stdout.trim().split(" ") : [];
  if (first !== undefined && second !== undefined && more.length === 0 && second === event.headSha) {
    return { sha: first, from: "merge parent" };
  }
  return { sha: event.baseSha, from: "payload" };
}
