/** A line sink on stdout or stderr that outlives its reader. */
export interface Output {
  write(text: string): void;
}

/**
 * Wraps a process stream so that a reader that goes away (`journey-runs-mock | head -1`: EPIPE) stops the output,
 * never the server: the first write error turns every later write into nothing.
 */
export function createOutput(stream: NodeJS.WritableStream): Output {
  let open = true;
  stream.on("error", () => {
    open = false;
  });
  return {
    write(text) {
      if (open && (stream as { writable?: boolean }).writable !== false) stream.write(text);
    },
  };
}
