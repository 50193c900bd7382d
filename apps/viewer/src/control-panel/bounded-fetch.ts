/** Longest wait for one answer of the control plane. */
export const CONTROL_TIMEOUT_MS = 5000;
/** Largest answer the panel reads (a dump of a big store is larger: the panel then says so instead of hanging). */
export const CONTROL_MAX_BYTES = 16 * 1024 * 1024;

/** The answer of the control plane was larger than the panel reads. */
export class ControlAnswerTooLargeError extends Error {
  override name = "ControlAnswerTooLargeError";
  readonly code = "ANSWER_TOO_LARGE";
  constructor(limit: number) {
    super(
      `The fake's answer is larger than the ${limit / 1024 / 1024} MB the panel reads; read it with control.dump() in a script instead.`,
    );
  }
}

async function readBounded(response: Response, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  if (reader === undefined) return new Uint8Array();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new ControlAnswerTooLargeError(limit);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/**
 * A `fetch` for the control client that bounds time and memory: each request is aborted after `timeoutMs`, and an
 * answer larger than `maxBytes` is refused (by its Content-Length, else while it is read) with
 * {@link ControlAnswerTooLargeError}. Redirects are not followed.
 */
export function boundedFetch(
  base: typeof fetch = globalThis.fetch,
  { timeoutMs = CONTROL_TIMEOUT_MS, maxBytes = CONTROL_MAX_BYTES } = {},
): typeof fetch {
  return async (input, init) => {
    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(new Error(`The control plane did not answer within ${timeoutMs} ms.`)),
      timeoutMs,
    );
    const outer = init?.signal ?? (input instanceof Request ? input.signal : undefined);
    if (outer?.aborted) controller.abort(outer.reason);
    else outer?.addEventListener("abort", () => controller.abort(outer.reason), { once: true });
    try {
      const response = await base(input, { ...init, signal: controller.signal, redirect: "error" });
      const length = Number(response.headers.get("content-length") ?? "0");
      if (length > maxBytes) {
        await response.body?.cancel();
        throw new ControlAnswerTooLargeError(maxBytes);
      }
      const body = await readBounded(response, maxBytes);
      return new Response(response.status === 204 ? null : body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    } finally {
      clearTimeout(timer);
    }
  };
}
