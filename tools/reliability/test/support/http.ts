import { type Agent, request } from "node:http";

/** An answer read in full over HTTP/1.1. */
export interface RawAnswer {
  status: number;
  headers: Headers;
  body: string;
}

/** A raw request: any method, a path sent byte for byte (no URL parsing or normalisation), any headers. */
export interface RawRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/**
 * Sends `raw` to `origin` with node:http, which (unlike fetch) sends any method and leaves the path as given, so the
 * server sees exactly what a hostile or broken client would send.
 */
export const rawRequest = (origin: string, raw: RawRequest, agent?: Agent): Promise<RawAnswer> =>
  new Promise((resolve, reject) => {
    const { hostname, port } = new URL(origin);
    // A body always goes with its Content-Length: without one, a GET body would be read as the next request.
    const headers = { ...raw.headers, ...(raw.body ? { "content-length": String(Buffer.byteLength(raw.body)) } : {}) };
    const req = request(
      { hostname, port, method: raw.method, path: raw.path, headers, agent: agent ?? false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("error", reject);
        res.on("end", () => {
          const headers = new Headers();
          for (const [name, value] of Object.entries(res.headers)) {
            for (const one of Array.isArray(value) ? value : [value ?? ""]) headers.append(name, one);
          }
          resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks).toString("utf8") });
        });
      },
    );
    req.on("error", reject);
    req.end(raw.body);
  });
