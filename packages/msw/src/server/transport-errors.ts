import { type IncomingMessage, maxHeaderSize, STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";
import { awsErrorResponse, type FakeResponse } from "../core/aws-response.js";
import { type JourneyRunsErrorStatus, RUNS_METHOD, RUNS_PATH_TEMPLATE } from "../core/contract-rules.js";

// node:http answers some requests itself, before any handler runs: 431, bare 400s, 408, 417, or a closed socket.
// These functions give each of them the AWS shape of the documented error that fits (JSON { Message, RequestID },
// X-Amzn-ErrorType, x-amzn-RequestId) and close the connection, since the parser cannot find the next request.

const SERVES = `this server only serves GetJourneyRuns (${RUNS_METHOD} ${RUNS_PATH_TEMPLATE})`;
/** A request line whose method is a token: a method, just not one that HTTP/1.1 parsers know. */
const REQUEST_LINE = /^([!#$%&'*+.^_`|~0-9A-Za-z-]{1,32}) \S+ HTTP\/\d\.\d\r?\n/;

/** A node:http parse error, as the `clientError` event gives it. */
export type ClientError = Error & { code?: string | undefined; reason?: unknown; rawPacket?: unknown };

/** The documented status and message that answer a request node:http's parser refused. */
export function transportAnswer(
  error: ClientError,
  requestTimeout: number,
): { status: JourneyRunsErrorStatus; message: string } {
  switch (error.code) {
    case "HPE_HEADER_OVERFLOW":
      return {
        status: 400,
        message: `The request line and headers exceed ${maxHeaderSize} bytes; send a shorter URL or fewer headers.`,
      };
    case "HPE_INVALID_METHOD": {
      const method = REQUEST_LINE.exec(Buffer.isBuffer(error.rawPacket) ? error.rawPacket.toString("latin1") : "")?.[1];
      if (method) return { status: 405, message: `Method ${method} is not allowed: ${SERVES}.` };
      return { status: 400, message: "The request is not HTTP/1.1: it does not start with a request line." };
    }
    case "ERR_HTTP_REQUEST_TIMEOUT":
      return {
        status: 400,
        message: `The request did not arrive in full within ${requestTimeout} ms; send its headers and body without pausing.`,
      };
    case "HPE_PAUSED_H2_UPGRADE":
      return { status: 400, message: "HTTP/2 is not served here; use HTTP/1.1." };
    default: {
      const reason = typeof error.reason === "string" ? ` (${error.reason.slice(0, 120)})` : "";
      return { status: 400, message: `The request is not valid HTTP/1.1${reason}; fix its framing and send it again.` };
    }
  }
}

/** A whole HTTP/1.1 response, as bytes for a socket that has no ServerResponse: the AWS error, then the connection closes. */
export function rawResponse(response: FakeResponse): string {
  const body = Buffer.from(response.body);
  const headers = Object.entries({
    ...response.headers,
    "Content-Length": String(body.length),
    Date: new Date().toUTCString(),
    Connection: "close",
  });
  return `HTTP/1.1 ${response.status} ${STATUS_CODES[response.status] ?? ""}\r\n${headers
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join("")}\r\n${response.body}`;
}

/** How long a closing connection keeps discarding what the client still sends, so that its answer is not reset. */
const LINGER_MS = 2_000;
const answered = new WeakSet<Duplex>();

/**
 * Closes a connection whose request was answered before it was read in full: sends FIN after the answer, then
 * discards what still arrives until the client closes or 2 s pass. Closing at once with unread bytes would send a
 * TCP reset, and the client could lose the answer (a "lingering close", as Apache and nginx do).
 */
export function lingeringClose(socket: Duplex): void {
  socket.end();
  const timer = setTimeout(() => socket.destroy(), LINGER_MS);
  timer.unref();
  socket.once("close", () => clearTimeout(timer));
  socket.once("end", () => socket.destroy());
  socket.resume();
}

/** Writes a documented error to a socket that has no response in progress, then closes it (lingering). */
export function answerSocket(
  socket: Duplex,
  status: JourneyRunsErrorStatus,
  message: string,
): FakeResponse | undefined {
  // The parser may report the rest of a refused request again: the first answer stands.
  if (answered.has(socket)) return undefined;
  const pending = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (!socket.writable || pending?.headersSent) {
    socket.destroy();
    return undefined;
  }
  answered.add(socket);
  const response = awsErrorResponse(status, message);
  socket.write(rawResponse(response));
  lingeringClose(socket);
  return response;
}

/** The answer to a CONNECT request, which node:http hands over as a bare socket. */
export function connectAnswer(req: IncomingMessage): { status: JourneyRunsErrorStatus; message: string } {
  return { status: 405, message: `Method ${req.method} is not allowed: ${SERVES}.` };
}

/**
 * Checks that need nothing but the request line and headers and that node:http would otherwise answer itself:
 * an HTTP/1.1 request without Host, and an `Expect` other than `100-continue`.
 */
export function transportCheck(req: IncomingMessage): FakeResponse | undefined {
  if (req.httpVersion === "1.1" && req.headers.host === undefined) {
    return awsErrorResponse(400, "An HTTP/1.1 request needs a Host header (RFC 9112, section 3.2).");
  }
  const expect = req.headers.expect;
  if (expect !== undefined && expect.toLowerCase() !== "100-continue") {
    return awsErrorResponse(400, "Expect takes only 100-continue here; send the request without that Expect header.");
  }
  return undefined;
}
