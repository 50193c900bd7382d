/** What a {@link JsonMeter} allows: objects and arrays in all, and nesting. */
export interface JsonMeterLimits {
  containers: number;
  depth: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

/**
 * Counts the objects and arrays of JSON text and its nesting as the bytes arrive, chunk by chunk, without parsing
 * it: the cost of `JSON.parse` is in the values it makes (an empty array is 2 bytes of text and tens of bytes of
 * heap), so a body is refused when it passes the bound, before it is parsed or even read to the end. The text is
 * only scanned for structure (strings are skipped, escapes honoured); whether it is valid JSON is JSON.parse's job.
 */
export class JsonMeter {
  #inString = false;
  #escaped = false;
  #depth = 0;
  #containers = 0;

  constructor(readonly limits: JsonMeterLimits) {}

  /** Scans the next bytes; returns what was passed (`containers` or `depth`), or `undefined` while within bounds. */
  push(chunk: Uint8Array): "containers" | "depth" | undefined {
    let inString = this.#inString;
    let escaped = this.#escaped;
    let depth = this.#depth;
    let containers = this.#containers;
    const { containers: maxContainers, depth: maxDepth } = this.limits;
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i] as number;
      if (inString) {
        if (escaped) escaped = false;
        else if (byte === BACKSLASH) escaped = true;
        else if (byte === QUOTE) inString = false;
      } else if (byte === QUOTE) inString = true;
      else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
        containers++;
        depth++;
        if (containers > maxContainers) return "containers";
        if (depth > maxDepth) return "depth";
      } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) depth--;
    }
    this.#inString = inString;
    this.#escaped = escaped;
    this.#depth = depth;
    this.#containers = containers;
    return undefined;
  }
}
