import { closeSync, fstatSync, openSync, readSync } from "node:fs";

/** What the gate needs from a `pull_request` event payload. */
export interface PullRequestEvent {
  /** The commit the pull request would merge into (`pull_request.base.sha`). */
  readonly baseSha: string;
  /** The pull request's last commit (`pull_request.head.sha`), when the payload has a valid one. */
  readonly headSha?: string | undefined;
  /** The names of the pull request's labels. */
  readonly labels: readonly string[];
}

/** Why an event payload cannot be used by the gate. Stable codes; the message says what to do. */
export class GateEventError extends Error {
  override readonly name = "GateEventError";
  constructor(
    readonly code: "EVENT_MISSING" | "EVENT_TOO_LARGE" | "EVENT_NOT_JSON" | "NOT_A_PULL_REQUEST" | "BAD_BASE_SHA",
    message: string,
  ) {
    super(`[contract-gate] ${message}`);
  }
}

/** GitHub's payloads are a few hundred kilobytes at most; anything larger is not one. */
export const maxEventBytes = 8 * 1024 * 1024;

function readBounded(path: string): string {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (error) {
    throw new GateEventError(
      "EVENT_MISSING",
      `Cannot read the event payload at ${path} (${(error as NodeJS.ErrnoException).code}). ` +
        "Run the gate in a GitHub Actions job started by a pull_request event, or set GITHUB_EVENT_PATH.",
    );
  }
  try {
    const size = fstatSync(fd).size;
    if (size > maxEventBytes) {
      throw new GateEventError("EVENT_TOO_LARGE", `The event payload is ${size} bytes, over ${maxEventBytes}.`);
    }
    const buffer = Buffer.alloc(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, buffer, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return buffer.subarray(0, read).toString("utf8");
  } finally {
    closeSync(fd);
  }
}

function isCommitId(value: unknown): value is string {
  return typeof value === "string" && /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(value);
}

/**
 * Reads the base commit and the labels of a `pull_request` event payload (the file at `GITHUB_EVENT_PATH`).
 *
 * @example
 * ```ts
 * const { baseSha, labels } = readPullRequestEvent(process.env.GITHUB_EVENT_PATH ?? "");
 * ```
 */
export function readPullRequestEvent(path: string): PullRequestEvent {
  let payload: unknown;
  try {
    payload = JSON.parse(readBounded(path));
  } catch (error) {
    if (error instanceof GateEventError) throw error;
    throw new GateEventError("EVENT_NOT_JSON", `The event payload at ${path} is not JSON: ${(error as Error).message}`);
  }
  const pullRequest = (payload as { pull_request?: unknown } | null)?.pull_request;
  if (pullRequest === null || typeof pullRequest !== "object") {
    throw new GateEventError(
      "NOT_A_PULL_REQUEST",
      "The event has no pull_request: the gate compares a pull request with its base, so run it on pull_request events.",
    );
  }
  const { base, head, labels } = pullRequest as {
    base?: { sha?: unknown };
    head?: { sha?: unknown };
    labels?: unknown;
  };
  const baseSha = base?.sha;
  // The sha goes to git: only a full hexadecimal object name is accepted, never an option or a ref expression.
  if (!isCommitId(baseSha)) {
    throw new GateEventError(
      "BAD_BASE_SHA",
      "pull_request.base.sha is not a commit id (40 or 64 hexadecimal digits): the payload is not GitHub's.",
    );
  }
  const names = Array.isArray(labels)
    ? labels.flatMap((label) => {
        const name = (label as { name?: unknown } | null)?.name;
        return typeof name === "string" ? [name] : [];
      })
    : [];
  return { baseSha, headSha: isCommitId(head?.sha) ? head.sha : undefined, labels: names };
}
