/** Attributes of {@link h}: strings set attributes, `false`/`undefined` leave them out, `true` sets them empty. */
export type Attributes = Record<string, string | number | boolean | undefined>;

/** Children of {@link h}: nodes, or text (never parsed as HTML, so data from the API cannot inject markup). */
export type Child = Node | string | number | null | undefined | false;

/**
 * Creates an element with attributes and children, in the document that `owner` belongs to.
 *
 * @example
 * h(document, "button", { type: "button", class: "primary" }, "Load more runs");
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  owner: Document,
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = owner.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? "" : String(value));
  }
  append(element, children);
  return element;
}

/** Appends children to a node, turning text into text nodes. */
export function append(parent: Node, children: readonly Child[]): void {
  const owner = parent.ownerDocument ?? (parent as Document);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === "object" ? child : owner.createTextNode(String(child)));
  }
}

/** Replaces all children of a node. */
export function replaceChildren(parent: Element, children: readonly Child[]): void {
  while (parent.firstChild !== null) parent.removeChild(parent.firstChild);
  append(parent, children);
}
