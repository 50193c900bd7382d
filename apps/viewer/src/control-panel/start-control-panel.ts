import { connectJourneyRunsControl, JourneyRunsControlError } from "@journey-runs/msw/control";
import type { FormatTimeOptions } from "../format-time.js";
import { h } from "../view/dom.js";
import { boundedFetch } from "./bounded-fetch.js";
import { type ControlPanel, type ControlReader, createControlPanel } from "./control-panel.js";

/** Whose state the panel shows: a `journey-runs-mock` at an endpoint, or the in-page fake's own control. */
export type ControlSource =
  | { readonly kind: "endpoint"; readonly endpoint: string; readonly fetch?: typeof fetch | undefined }
  | { readonly kind: "local"; readonly control: ControlReader; readonly label: string };

/**
 * Shows the fake's state panel in `slot` when the source has a control plane: asks its health first, and when that
 * fails (no `--control`, a 404, a token it needs, or an origin it does not allow) leaves a one-line note instead, so
 * the rest of the page is never affected. Loaded lazily, in its own chunk.
 *
 * @example
 * await startControlPanel(slot, { kind: "endpoint", endpoint: "http://127.0.0.1:4010" });
 */
export async function startControlPanel(
  slot: HTMLElement,
  source: ControlSource,
  timeFormat?: FormatTimeOptions | undefined,
): Promise<ControlPanel | undefined> {
  const owner = slot.ownerDocument;
  let control: ControlReader;
  let label: string;
  if (source.kind === "local") {
    control = source.control;
    label = source.label;
  } else {
    control = connectJourneyRunsControl(source.endpoint, { fetch: boundedFetch(source.fetch) });
    label = `journey-runs-mock at ${source.endpoint}`;
    try {
      await control.health();
    } catch (error) {
      slot.replaceChildren(
        h(owner, "p", { class: "hint", "data-control": "absent" }, absentNote(source.endpoint, error)),
      );
      return undefined;
    }
  }
  const panel = createControlPanel(owner, { control, sourceLabel: label, timeFormat });
  slot.replaceChildren(panel.element);
  await panel.refresh();
  return panel;
}

function absentNote(endpoint: string, error: unknown): string {
  if (error instanceof JourneyRunsControlError && error.status === 401) {
    return `The fake's state is not shown: the control plane of ${endpoint} needs a token, and this page holds none.`;
  }
  return `The fake's state is not shown: no control plane answered at ${endpoint}/_journey-runs-mock/health (start journey-runs-mock with --control; from another origin it must allow this page by CORS).`;
}
