import { request } from "node:http";

/** The header and value that every write to the control plane carries (docs/decisions/0021-control-plane-intent.md). */
export const INTENT = { "x-journey-runs-mock-intent": "control" } as const;

/** What the control plane answered. */
export interface ControlAnswer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
  /** The body as JSON, when it is JSON. */
  readonly json: { code?: string; message?: string; [key: string]: unknown } | undefined;
}

/**
 * One request to the control plane of `url` over node:http (so that any header, `Host` included, can be set), with
 * `body` as JSON text (a string is sent as it is). Writes carry the intent header unless `headers` says otherwise.
 */
export const controlCall = (
  url: string,
  method: string,
  path: string,
  options: { body?: unknown; headers?: Record<string, string>; intent?: boolean } = {},
): Promise<ControlAnswer> =>
  new Promise((resolve, reject) => {
    const body =
      options.body === undefined
        ? undefined
        : typeof options.body === "string"
          ? options.body
          : JSON.stringify(options.body);
    const headers: Record<string, string> = {
      ...(options.intent === false || method === "GET" ? {} : INTENT),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...options.headers,
    };
    const req = request(`${url}/_journey-runs-mock${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let json: ControlAnswer["json"];
        try {
          json = text === "" ? undefined : JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
