/**
 * The Content-Security-Policy of the reference page: everything it needs is inlined, so it may load nothing from
 * elsewhere. This also stops the one request Redoc would make on its own (its logo, from a CDN).
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' blob:",
  "worker-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

/**
 * Returns the page with the policy in a `<meta>` near the top of `<head>`, so it holds when the file is opened from disk too.
 *
 * @example
 * ```ts
 * withContentSecurityPolicy("<html><head></head></html>");
 * ```
 */
export function withContentSecurityPolicy(html: string): string {
  // After `<meta charset>` when there is one: the charset must stay within the first bytes of the page.
  const head = /<meta charset[^>]*>/i.exec(html) ?? /<head[^>]*>/i.exec(html);
  if (head === null) {
    throw new Error("[reference] The page Redocly built has no <head>: cannot add its Content-Security-Policy.");
  }
  const at = head.index + head[0].length;
  const meta = `\n  <meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}" />`;
  return html.slice(0, at) + meta + html.slice(at);
}
