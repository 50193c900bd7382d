/**
 * The most bytes of one answer the client reads: 1 MiB. The largest page the contract allows (100 runs of at most
 * 64 + 64 + 256 characters, a 1,024-character `NextToken`) is under 500 KB even with every character escaped as
 * `\uXXXX`; an error body (a `Message` of at most 2,048 characters) is smaller still. Pinpoint's payload quota is
 * 7 MB, but no GetJourneyRuns answer comes near it: what is larger is not Pinpoint.
 */
export const MAX_BODY_BYTES = 1_048_576;

/**
 * The body of `response` as UTF-8 text (BOM dropped, as `Response.text()` does; `""` for no body), read as a stream;
 * `undefined`, with the rest cancelled unread, as soon as it passes `MAX_BODY_BYTES`. So memory stays bounded whatever
 * the server sends (an endless chunked body, 1 GiB, ...).
 */
export const readBody = async (response: Response): Promise<string | undefined> => {
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let size = 0;
  for (;;) {
    // No body (a 204): `undefined`, the end.
    const chunk = await reader?.read();
    if (!chunk || chunk.done) return text + decoder.decode();
    size += chunk.value.length;
    if (size > MAX_BODY_BYTES) {
      // A stream that failed meanwhile rejects `cancel()`: nothing more to do with it.
      (reader as ReadableStreamDefaultReader).cancel().catch(Boolean);
      return;
    }
    text += decoder.decode(chunk.value, { stream: true });
  }
};
