import type { StatusBar } from "../chart-data.js";
import { statusClass, statusLabel } from "../run-status.js";
import { h, replaceChildren } from "./dom.js";

/**
 * Draws the runs-by-status chart as a list of labelled bars: the numbers are text, so a screen reader reads the
 * same data that the bars show.
 */
export function renderStatusChart(list: HTMLElement, bars: readonly StatusBar[]): void {
  const owner = list.ownerDocument;
  replaceChildren(
    list,
    bars.map((bar) =>
      h(
        owner,
        "li",
        { class: "chart-row", "data-status": bar.status },
        h(owner, "span", { class: "chart-label" }, statusLabel(bar.status)),
        h(
          owner,
          "span",
          { class: "chart-track", "aria-hidden": "true" },
          h(owner, "span", {
            class: `chart-bar chart-bar-${statusClass(bar.status)}`,
            style: `width: ${bar.width.toFixed(2)}%`,
          }),
        ),
        h(
          owner,
          "span",
          { class: "chart-value" },
          `${bar.count}`,
          h(owner, "span", { class: "chart-percent" }, ` (${bar.percent}%)`),
        ),
      ),
    ),
  );
}
