import { afterEach, describe, expect, it, vi } from "vitest";
import { isJourneyRunsError } from "../errors/type-guards.js";
import type { signRequest as SignRequest } from "../sigv4/sign.js";
import * as web from "./web.js";

/** Node's `process.getBuiltinModule`, which the WebCrypto back end falls back to. */
const builtin = Object.getOwnPropertyDescriptor(process, "getBuiltinModule");

afterEach(() => {
  vi.unstubAllGlobals();
  if (builtin) Object.defineProperty(process, "getBuiltinModule", builtin);
});

/** jsdom's `crypto`: random values and UUIDs, no `subtle`. */
const jsdomCrypto = () => vi.stubGlobal("crypto", { getRandomValues: crypto.getRandomValues.bind(crypto) });

/** The signer over the WebCrypto back end, as browsers and Jest's jsdom environment get it. */
const webSigner = async (): Promise<typeof SignRequest> => {
  vi.resetModules();
  vi.doMock("#crypto", () => import("./web.js"));
  const { signRequest } = await import("../sigv4/sign.js");
  vi.doUnmock("#crypto");
  return signRequest;
};

const input = {
  method: "GET",
  path: "/v1/apps/a/journeys/j/runs",
  query: "",
  headers: { host: "pinpoint.us-east-1.amazonaws.com" },
  credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" },
  region: "us-east-1",
  service: "mobiletargeting",
  time: 0,
};

describe("the WebCrypto back end without crypto.subtle", () => {
  it("signs with Node's WebCrypto where node:crypto is reachable (Jest's jsdom environment)", async () => {
    const signRequest = await webSigner();
    const expected = (await signRequest(input)).signature;
    jsdomCrypto();
    expect(globalThis.crypto.subtle).toBeUndefined();
    expect(web.canSign()).toBeTruthy();
    expect((await signRequest(input)).signature).toBe(expected);
    expect(await web.sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  });

  it("fails with InvalidInputError naming the cause and the fix where there is neither, never a TypeError", async () => {
    const signRequest = await webSigner();
    jsdomCrypto();
    Object.defineProperty(process, "getBuiltinModule", { value: undefined, configurable: true });
    const error = await Promise.resolve()
      .then(() => signRequest(input))
      .catch((e: unknown) => e);
    // The modules were loaded again for this back end: the brand, not `instanceof`, tells the class.
    expect(isJourneyRunsError(error, "InvalidInputError")).toBe(true);
    expect(error).not.toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe(
      "GetJourneyRuns: credentials need crypto.subtle to sign, missing here: use https in browsers, or Node.",
    );
    // The signer asks before it hashes: the back end itself imports no error class (it shares no chunk with index.js).
    expect(web.canSign()).toBeFalsy();
  });

  it("still makes UUIDs from getRandomValues where randomUUID is missing", () => {
    jsdomCrypto();
    expect(web.uuid()).toMatch(/^[\da-f]{8}-[\da-f]{4}-4[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/);
  });
});
