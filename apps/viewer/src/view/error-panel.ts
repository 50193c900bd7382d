import type { ErrorSummary } from "../error-summary.js";
import { type Child, h, replaceChildren } from "./dom.js";

/** Fills the error panel: the AWS error type, its request id, the HTTP status and the service's message. */
export function renderErrorPanel(panel: HTMLElement, error: ErrorSummary, heading: string): void {
  const owner = panel.ownerDocument;
  const rows: [string, Child][] = [
    ["Error type", h(owner, "code", { "data-field": "type" }, error.type)],
    [
      "Request ID",
      error.requestId === undefined
        ? h(owner, "span", { "data-field": "request-id" }, "none (no response from the service)")
        : h(owner, "code", { "data-field": "request-id" }, error.requestId),
    ],
  ];
  if (error.status !== undefined)
    rows.push(["HTTP status", h(owner, "span", { "data-field": "status" }, error.status)]);
  rows.push(["Message", h(owner, "span", { "data-field": "message" }, error.message)]);
  replaceChildren(panel.querySelector(".error-title") as HTMLElement, [heading]);
  replaceChildren(
    panel.querySelector(".error-details") as HTMLElement,
    rows.flatMap(([term, detail]) => [h(owner, "dt", {}, term), h(owner, "dd", {}, detail)]),
  );
}
