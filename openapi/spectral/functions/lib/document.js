// @ts-check
/**
 * Walking the unresolved contract: JSON Pointers, local `$ref` chains and the operations of the document.
 * The house rules read the document as written (`resolved: false`) so that they can tell a `$ref` to a shared
 * component from an inline copy of it, and report each problem where it is written.
 */

/** @typedef {(string | number)[]} Path */
/** @typedef {{ ok: true, value: unknown, path: Path, refs: string[] }} Followed */
/** @typedef {{ ok: false, path: Path, message: string }} Unfollowable */

/** The HTTP methods an OpenAPI Path Item Object may hold, in lower case. */
export const HTTP_METHODS = Object.freeze(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);

/**
 * Whether a value is a plain JSON object (not null, not an array).
 * @param {unknown} value
 * @returns {value is Record<string, unknown>}
 */
export function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The JSON Pointer fragment (`#/a/b~1c`) of a path, escaped as RFC 6901 asks.
 * @param {Path} path
 * @returns {string}
 */
export function toPointer(path) {
  return `#${path.map((segment) => `/${String(segment).replaceAll("~", "~0").replaceAll("/", "~1")}`).join("")}`;
}

/**
 * The value at a path of the document, or `undefined`; the returned path has numbers for array indices.
 * @param {unknown} root
 * @param {readonly string[]} segments unescaped pointer segments
 * @returns {{ value: unknown, path: Path } | undefined}
 */
export function valueAt(root, segments) {
  /** @type {unknown} */
  let current = root;
  /** @type {Path} */
  const path = [];
  for (const segment of segments) {
    if (Array.isArray(current)) {
      if (!/^(0|[1-9]\d*)$/.test(segment)) return undefined;
      const index = Number(segment);
      if (index >= current.length) return undefined;
      current = current[index];
      path.push(index);
    } else if (isObject(current) && Object.hasOwn(current, segment)) {
      current = current[segment];
      path.push(segment);
    } else {
      return undefined;
    }
  }
  return { value: current, path };
}

/**
 * The unescaped segments of a local `$ref` (`#/components/schemas/X`), or `undefined` if it is not one.
 * @param {string} ref
 * @returns {string[] | undefined}
 */
export function localRefSegments(ref) {
  if (ref === "#") return [];
  if (!ref.startsWith("#/")) return undefined;
  try {
    return ref
      .slice(2)
      .split("/")
      .map((segment) => decodeURIComponent(segment).replaceAll("~1", "/").replaceAll("~0", "~"));
  } catch {
    return undefined;
  }
}

/**
 * Follows a chain of local `$ref`s from a value found at `path` to the object it finally stands for.
 * @param {unknown} root the whole document
 * @param {unknown} value the value found at `path`
 * @param {Path} path where `value` is written
 * @returns {Followed | Unfollowable}
 */
export function follow(root, value, path) {
  /** @type {string[]} */
  const refs = [];
  let current = value;
  let at = path;
  while (isObject(current) && typeof current.$ref === "string") {
    const ref = current.$ref;
    const segments = localRefSegments(ref);
    if (segments === undefined) {
      return {
        ok: false,
        path: [...at, "$ref"],
        message: `\`${ref}\` is not a reference inside this document; the house rules follow only local references (\`#/...\`): move the target into \`components\` and refer to it there.`,
      };
    }
    if (refs.includes(ref)) {
      return {
        ok: false,
        path: [...at, "$ref"],
        message: `\`${ref}\` is part of a reference cycle (${[...refs, ref].join(" -> ")}): make the chain end at an object.`,
      };
    }
    const target = valueAt(root, segments);
    if (target === undefined) {
      return {
        ok: false,
        path: [...at, "$ref"],
        message: `\`${ref}\` points at nothing in this document: fix the reference or add the component it names.`,
      };
    }
    refs.push(ref);
    current = target.value;
    at = target.path;
  }
  return { ok: true, value: current, path: at, refs };
}

/**
 * @typedef {object} OperationSite
 * @property {string} name how a person names the operation, such as `GET /v1/apps/{application-id}/...`
 * @property {Path} path where the Operation Object is written
 * @property {Record<string, unknown>} operation the Operation Object
 * @property {Path} itemPath where its Path Item Object is written
 * @property {Record<string, unknown>} item the Path Item Object
 */

/**
 * Every operation of `paths` and `webhooks`, following `$ref`s of Path Item Objects.
 * @param {unknown} root the whole document
 * @returns {OperationSite[]}
 */
export function operations(root) {
  /** @type {OperationSite[]} */
  const found = [];
  if (!isObject(root)) return found;
  for (const section of ["paths", "webhooks"]) {
    const items = root[section];
    if (!isObject(items)) continue;
    for (const [key, written] of Object.entries(items)) {
      const item = follow(root, written, [section, key]);
      if (!item.ok || !isObject(item.value)) continue;
      for (const method of HTTP_METHODS) {
        const operation = item.value[method];
        if (!isObject(operation)) continue;
        const where = section === "paths" ? key : `webhook ${key}`;
        found.push({
          name: `${method.toUpperCase()} ${where}`,
          path: [...item.path, method],
          operation,
          itemPath: item.path,
          item: item.value,
        });
      }
    }
  }
  return found;
}

/**
 * The property of an object whose name equals `name` without regard to case (HTTP header names are
 * case-insensitive), as `[key, value]`, or `undefined`.
 * @param {Record<string, unknown>} object
 * @param {string} name
 * @returns {[string, unknown] | undefined}
 */
export function entryIgnoringCase(object, name) {
  const wanted = name.toLowerCase();
  return Object.entries(object).find(([key]) => key.toLowerCase() === wanted);
}

/**
 * Collects results and drops exact repeats (a shared component used by several operations is reported once,
 * where it is written).
 */
export class Findings {
  /** @type {Map<string, { message: string, path: Path }>} */
  #byPath = new Map();

  /**
   * Records a problem unless the same message is already recorded at the same path.
   * @param {Path} path
   * @param {string} message
   */
  add(path, message) {
    const key = JSON.stringify([path, message]);
    if (!this.#byPath.has(key)) this.#byPath.set(key, { message, path });
  }

  /**
   * The recorded problems, in the order they were found.
   * @returns {{ message: string, path: Path }[]}
   */
  list() {
    return [...this.#byPath.values()];
  }
}
