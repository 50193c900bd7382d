import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { contentSecurityPolicy } from "./content-security-policy.js";

/** Options of {@link createReferenceServer}. */
export interface ReferenceServerOptions {
  /** The built page, usually `dist/index.html`. */
  readonly page: string;
}

/**
 * Creates an HTTP server that answers `GET /` and `GET /index.html` with the reference page, `HEAD` alike,
 * 405 for other methods, 204 for `/favicon.ico` and 404 for any other path. The page is read on each request, so a rebuild shows at once.
 *
 * @example
 * ```ts
 * const server = createReferenceServer({ page: "dist/index.html" });
 * server.listen(4020, "127.0.0.1");
 * ```
 */
export function createReferenceServer(options: ReferenceServerOptions): Server {
  return createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://127.0.0.1").pathname;
    const headers = { "content-security-policy": contentSecurityPolicy, "x-content-type-options": "nosniff" };
    if (path === "/favicon.ico") {
      response.writeHead(204, headers);
      response.end();
      return;
    }
    if (path !== "/" && path !== "/index.html") {
      response.writeHead(404, { ...headers, "content-type": "text/plain; charset=utf-8" });
      response.end(`Not found: ${path}. The API reference is at /.\n`);
      return;
    }
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { ...headers, allow: "GET, HEAD", "content-type": "text/plain; charset=utf-8" });
      response.end(`Method ${request.method ?? "?"} is not allowed: use GET.\n`);
      return;
    }
    readFile(options.page).then(
      (body) => {
        response.writeHead(200, {
          ...headers,
          "content-type": "text/html; charset=utf-8",
          "content-length": body.byteLength,
          "cache-control": "no-cache",
        });
        response.end(request.method === "HEAD" ? undefined : body);
      },
      () => {
        response.writeHead(503, { ...headers, "content-type": "text/plain; charset=utf-8" });
        response.end("The API reference is not built yet: run npm run build -w @journey-runs/reference.\n");
      },
    );
  });
}
