/**
 * The AWS Signature Version 4 test suite (test/fixtures/sigv4-testsuite, Apache-2.0: see its README, LICENSE and
 * NOTICE files) run through `signRequest`: every case that applies to header signing must give the expected canonical
 * request, string to sign and signature; each case that does not apply is skipped with its reason in its name.
 * It runs with both `#crypto` back ends: node:crypto (the signer goes on synchronously) and WebCrypto (the browsers'
 * promises); the skipped cases are listed once, with the first.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { canonicalQuery } from "./canonical.js";
import type { signRequest as SignRequest } from "./sign.js";

/** The `#crypto` back ends, by name. */
const BACKENDS = {
  "node:crypto": () => import("../crypto/node.js"),
  WebCrypto: () => import("../crypto/web.js"),
};

const ROOT = new URL("../../test/fixtures/sigv4-testsuite/", import.meta.url);
const SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
const TIME = Date.UTC(2015, 7, 30, 12, 36, 0);
const read = (path: string) => readFileSync(new URL(path, ROOT), "utf8");

/** A raw request of the suite: `METHOD path HTTP/1.1`, `Name:value` lines (continuations indented), body. */
const parseRequest = (raw: string) => {
  const [head = "", ...rest] = raw.split(/\r?\n\r?\n/);
  const [requestLine = "", ...lines] = head.split(/\r?\n/);
  const method = requestLine.slice(0, requestLine.indexOf(" "));
  const target = requestLine.slice(method.length + 1, requestLine.lastIndexOf(" "));
  const at = target.indexOf("?");
  const headers: Record<string, string> = {};
  let last = "";
  for (const line of lines) {
    if (!line) continue;
    if (/^\s/.test(line)) {
      headers[last] += `\n${line}`;
      continue;
    }
    last = line.slice(0, line.indexOf(":")).toLowerCase();
    const value = line.slice(line.indexOf(":") + 1);
    // Repeated header lines are one header whose values are joined by commas.
    headers[last] = last in headers ? `${headers[last]},${value}` : value;
  }
  return {
    method,
    path: at < 0 ? target : target.slice(0, at),
    query: canonicalQuery(at < 0 ? "" : target.slice(at + 1)),
    headers,
    body: rest.join("\n\n") || undefined,
  };
};

/** Whether normalizing `path` (dropping empty, `.` and `..` segments) changes it. */
const normalizingChanges = (path: string) =>
  path.split("/").some((s, i, all) => s === "." || s === ".." || (!s && i > 0 && i < all.length - 1));

const BOTOCORE = "botocore-aws4_testsuite/";
/** The botocore cases, as `dir/name` paths without extension (some dirs hold one case, some one per sub-dir). */
const botocoreCases: string[] = [];
for (const entry of readdirSync(new URL(BOTOCORE, ROOT))) {
  if (!statSync(new URL(BOTOCORE + entry, ROOT)).isDirectory()) continue;
  const inner = readdirSync(new URL(`${BOTOCORE}${entry}/`, ROOT));
  if (inner.some((name) => name.endsWith(".req"))) botocoreCases.push(`${entry}/${entry}`);
  else for (const sub of inner.filter((name) => !name.includes("."))) botocoreCases.push(`${entry}/${sub}/${sub}`);
}
const AWS_C_AUTH = "aws-c-auth-v4/";
const awsCAuthCases = readdirSync(new URL(AWS_C_AUTH, ROOT)).filter((entry) =>
  statSync(new URL(AWS_C_AUTH + entry, ROOT)).isDirectory(),
);
const TOKEN_AFTER = "skipped, the token is added after signing; Pinpoint needs it signed, as every AWS SDK signs it";

it("finds the 34 cases of the botocore suite and the 38 of aws-c-auth", () => {
  expect(botocoreCases).toHaveLength(34);
  expect(awsCAuthCases).toHaveLength(38);
});

for (const [backend, load] of Object.entries(BACKENDS))
  describe(backend, () => {
    const first = backend === "node:crypto";
    /** A case that does not apply, listed (with its reason) in the first back end's run only. */
    const skip = (title: string) => first && it.skip(title, () => {});
    let signRequest: typeof SignRequest;
    /** What the signer hashed (the payload, then the canonical request) and HMACed as hex (the string to sign). */
    let hashed: string[] = [];
    let macked: string[] = [];
    /** The canonical request and the string to sign of the last signature, as the signer gave them to `#crypto`. */
    const seen = () => ({ canonicalRequest: hashed.at(-1), stringToSign: macked.at(-1) });
    beforeAll(async () => {
      vi.resetModules();
      // The back end, with its inputs recorded: the signer returns no intermediate strings (bytes of every bundle).
      vi.doMock("#crypto", async () => {
        const real = await load();
        return {
          ...real,
          sha256Hex: (data: string) => {
            hashed.push(data);
            return real.sha256Hex(data);
          },
          hmacHex: (key: Uint8Array, data: string) => {
            macked.push(data);
            return real.hmacHex(key, data);
          },
        };
      });
      ({ signRequest } = await import("./sign.js"));
      vi.doUnmock("#crypto");
    });
    beforeEach(() => {
      hashed = [];
      macked = [];
    });

    it(`signs with ${backend}: ${first ? "synchronously" : "through promises"}`, async () => {
      const signed = signRequest({
        method: "GET",
        path: "/",
        query: "",
        headers: { host: "example.amazonaws.com" },
        credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: SECRET },
        region: "us-east-1",
        service: "service",
        time: TIME,
      });
      expect(signed instanceof Promise).toBe(!first);
      expect((await signed).signature).toBe("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
    });

    describe(`botocore aws4_testsuite (${backend})`, () => {
      for (const name of botocoreCases) {
        const file = (ext: string) => read(`${BOTOCORE}${name}.${ext}`);
        if (name.endsWith("post-sts-header-after")) {
          skip(`${name}: ${TOKEN_AFTER}`);
          continue;
        }
        it(`${name} gives the expected canonical request, string to sign and Authorization`, async () => {
          const creq = file("creq");
          const token = /^x-amz-security-token:(.*)$/m.exec(creq)?.[1];
          const signed = await signRequest({
            ...parseRequest(file("req")),
            credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: SECRET, sessionToken: token },
            region: "us-east-1",
            service: "service",
            time: TIME,
          });
          expect(seen()).toEqual({ canonicalRequest: creq, stringToSign: file("sts") });
          expect(signed.headers.authorization).toBe(file("authz"));
        });
      }
    });

    describe(`aws-c-auth v4 signing test suite (${backend})`, () => {
      for (const name of awsCAuthCases) {
        const file = (path: string) => read(`${AWS_C_AUTH}${name}/${path}`);
        const context = JSON.parse(file("context.json"));
        const request = parseRequest(file("request.txt"));
        skip(`${name} (presigned URL): skipped, this client signs headers, never query strings`);
        if (context.omit_session_token) {
          skip(`${name}: ${TOKEN_AFTER}`);
          continue;
        }
        if (!context.normalize && normalizingChanges(request.path)) {
          skip(`${name}: skipped, an S3-style unnormalized path; Pinpoint, like every non-S3 service, normalizes`);
          continue;
        }
        it(`${name} gives the expected canonical request, string to sign and signature`, async () => {
          const body = request.body ?? "";
          const signed = await signRequest({
            ...request,
            // The suite's `sign_body`: the payload hash signed as `x-amz-content-sha256`, given as a header.
            headers: context.sign_body
              ? { ...request.headers, "x-amz-content-sha256": createHash("sha256").update(body).digest("hex") }
              : request.headers,
            credentials: {
              accessKeyId: context.credentials.access_key_id,
              secretAccessKey: context.credentials.secret_access_key,
              sessionToken: context.credentials.token,
            },
            region: context.region,
            service: context.service,
            time: Date.parse(context.timestamp),
          });
          expect(seen()).toEqual({
            canonicalRequest: file("header-canonical-request.txt"),
            stringToSign: file("header-string-to-sign.txt"),
          });
          expect(signed.signature).toBe(file("header-signature.txt"));
        });
      }
    });
  });
