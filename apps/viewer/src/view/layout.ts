import { ID_LIMITS, PAGE_SIZE_LIMITS } from "../settings.js";
import { h } from "./dom.js";

/** The elements of the page that the viewer updates. */
export interface Layout {
  readonly form: HTMLFormElement;
  readonly applicationId: HTMLInputElement;
  readonly journeyId: HTMLInputElement;
  readonly pageSize: HTMLInputElement;
  readonly status: HTMLElement;
  readonly errorPanel: HTMLElement;
  readonly retryButton: HTMLButtonElement;
  readonly chart: HTMLElement;
  readonly tableBody: HTMLTableSectionElement;
  readonly tableCaption: HTMLTableCaptionElement;
  readonly loadMore: HTMLButtonElement;
  readonly endNote: HTMLElement;
}

/** What the masthead and the footer say about where the data comes from. */
export interface LayoutText {
  readonly sourceLabel: string;
  readonly endpointValue: string;
  readonly referenceUrl?: string | undefined;
}

function field(owner: Document, id: string, label: string, input: HTMLInputElement, hint: string): HTMLElement {
  input.id = id;
  input.setAttribute("aria-describedby", `${id}-hint ${id}-error`);
  return h(
    owner,
    "div",
    { class: "field" },
    h(owner, "label", { for: id }, label),
    input,
    h(owner, "p", { class: "hint", id: `${id}-hint` }, hint),
    h(owner, "p", { class: "field-error", id: `${id}-error`, hidden: true }),
  );
}

function idInput(owner: Document, name: string): HTMLInputElement {
  return h(owner, "input", {
    name,
    type: "text",
    required: true,
    maxlength: ID_LIMITS.max,
    autocomplete: "off",
    autocapitalize: "off",
    spellcheck: "false",
  });
}

/** Builds the page inside `root` (which it empties) and returns the parts the viewer updates. */
export function buildLayout(root: HTMLElement, text: LayoutText): Layout {
  const owner = root.ownerDocument;
  const applicationId = idInput(owner, "applicationId");
  const journeyId = idInput(owner, "journeyId");
  const pageSize = h(owner, "input", {
    name: "pageSize",
    type: "number",
    inputmode: "numeric",
    required: true,
    min: PAGE_SIZE_LIMITS.min,
    max: PAGE_SIZE_LIMITS.max,
    step: 1,
  });
  const form = h(
    owner,
    "form",
    { class: "query", novalidate: true, "aria-label": "Journey to show" },
    field(owner, "application-id", "Application ID", applicationId, "The Pinpoint project, 1 to 256 characters."),
    field(owner, "journey-id", "Journey ID", journeyId, "The journey in that project, 1 to 256 characters."),
    field(
      owner,
      "page-size",
      "Page size",
      pageSize,
      `Runs per request, ${PAGE_SIZE_LIMITS.min} to ${PAGE_SIZE_LIMITS.max}.`,
    ),
    h(owner, "div", { class: "actions" }, h(owner, "button", { type: "submit", class: "primary" }, "Show runs")),
  );
  const status = h(owner, "p", { class: "status", role: "status", "aria-live": "polite", id: "status" });
  const retryButton = h(owner, "button", { type: "button", class: "primary" }, "Try again");
  const errorPanel = h(
    owner,
    "section",
    { class: "error-panel", role: "alert", hidden: true, "aria-labelledby": "error-title" },
    h(owner, "h2", { class: "error-title", id: "error-title", tabindex: -1 }),
    h(owner, "dl", { class: "error-details" }),
    retryButton,
  );
  const chart = h(owner, "ul", { class: "chart", "aria-describedby": "chart-note" });
  const tableCaption = h(owner, "caption", { class: "visually-hidden" });
  const tableBody = h(owner, "tbody");
  const loadMore = h(owner, "button", { type: "button", class: "secondary", hidden: true }, "Load more runs");
  const endNote = h(owner, "p", { class: "end-note", hidden: true });

  root.replaceChildren(
    h(
      owner,
      "header",
      { class: "masthead" },
      h(owner, "h1", {}, "Journey runs"),
      h(owner, "p", { class: "source" }, "Data: ", h(owner, "strong", { "data-source": "" }, text.sourceLabel)),
    ),
    h(
      owner,
      "main",
      { id: "main" },
      form,
      status,
      errorPanel,
      h(
        owner,
        "section",
        { class: "panel", "aria-labelledby": "chart-title" },
        h(owner, "h2", { id: "chart-title" }, "Runs by status"),
        h(owner, "p", { class: "hint", id: "chart-note" }, "Counts of the runs loaded so far."),
        chart,
      ),
      h(
        owner,
        "section",
        { class: "panel", "aria-labelledby": "runs-title" },
        h(owner, "h2", { id: "runs-title" }, "Runs"),
        h(
          owner,
          "div",
          { class: "table-wrap", role: "region", "aria-labelledby": "runs-title", tabindex: 0 },
          h(
            owner,
            "table",
            {},
            tableCaption,
            h(
              owner,
              "thead",
              {},
              h(
                owner,
                "tr",
                {},
                ...["Run ID", "Status", "Created", "Last updated"].map((title) =>
                  h(owner, "th", { scope: "col" }, title),
                ),
              ),
            ),
            tableBody,
          ),
        ),
        h(owner, "div", { class: "more" }, loadMore, endNote),
      ),
    ),
    footer(owner, text),
  );
  return {
    form,
    applicationId,
    journeyId,
    pageSize,
    status,
    errorPanel,
    retryButton,
    chart,
    tableBody,
    tableCaption,
    loadMore,
    endNote,
  };
}

function footer(owner: Document, text: LayoutText): HTMLElement {
  return h(
    owner,
    "footer",
    { class: "footer" },
    h(
      owner,
      "form",
      { class: "source-form", method: "get", "aria-label": "Data source" },
      h(owner, "label", { for: "endpoint" }, "Endpoint"),
      h(owner, "input", {
        id: "endpoint",
        name: "endpoint",
        type: "url",
        value: text.endpointValue,
        placeholder: "http://127.0.0.1:4010",
        "aria-describedby": "endpoint-hint",
      }),
      h(owner, "button", { type: "submit", class: "secondary" }, "Use endpoint"),
      h(
        owner,
        "p",
        { class: "hint", id: "endpoint-hint" },
        "Empty: the in-page fake of Pinpoint. A URL such as http://127.0.0.1:4010 (npm run mock) sends the requests there.",
      ),
    ),
    h(
      owner,
      "p",
      {},
      text.referenceUrl === undefined
        ? null
        : h(owner, "a", { href: text.referenceUrl }, "API reference of GetJourneyRuns"),
      text.referenceUrl === undefined ? null : " · ",
      "Amazon Pinpoint GetJourneyRuns, on @journey-runs/client.",
    ),
  );
}
