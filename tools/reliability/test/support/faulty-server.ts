import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A small, deliberately broken HTTP server on 127.0.0.1. */
export interface FaultyServer {
  readonly url: string;
  /** Requests received so far. */
  readonly requests: number;
  /** Stops listening and destroys every open connection, hanging ones included. */
  close(): Promise<void>;
}

/** What a faulty server does with its n-th request (from 1). */
export type FaultyHandler = (req: IncomingMessage, res: ServerResponse, n: number) => void;

/**
 * Starts a server on 127.0.0.1 and a free port that answers (or fails to answer) each request with `handler`.
 * Answers carry `Connection: close` unless `keepAlive`: an idle keep-alive socket makes undici set a timer of its
 * own, which would blur the count of timers that the client leaves behind.
 */
export const startFaultyServer = async (handler: FaultyHandler, { keepAlive = false } = {}): Promise<FaultyServer> => {
  let requests = 0;
  const server = createServer((req, res) => {
    requests++;
    req.resume();
    if (!keepAlive) res.setHeader("connection", "close");
    handler(req, res, requests);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get requests() {
      return requests;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
};

/** An AWS restJson1 error answer, as Pinpoint sends it. */
export const awsError = (res: ServerResponse, status: number, type: string, headers: Record<string, string> = {}) => {
  const requestId = "7c3b6c3d-9f5e-4a51-8d0e-0f2b8d9a1e11";
  res.writeHead(status, {
    "content-type": "application/json",
    "x-amzn-errortype": type,
    "x-amzn-requestid": requestId,
    ...headers,
  });
  res.end(JSON.stringify({ Message: `${type} from the faulty server`, RequestID: requestId }));
};

/** A 200 page of one run. */
export const okPage = (res: ServerResponse) => {
  res.writeHead(200, {
    "content-type": "application/json",
    "x-amzn-requestid": "7c3b6c3d-9f5e-4a51-8d0e-0f2b8d9a1e11",
  });
  res.end(
    JSON.stringify({
      Item: [
        {
          CreationTime: "2000-01-01T00:00:00.000Z",
          LastUpdateTime: "2000-01-01T00:00:05.000Z",
          RunId: "99999999998888888888777777777766",
          Status: "COMPLETED",
        },
      ],
    }),
  );
};
