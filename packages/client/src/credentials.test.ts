import { describe, expect, it, vi } from "vitest";
import { credentialsResolver } from "./credentials.js";

const keys = (n: number, expiration?: Date) => ({ accessKeyId: `AKID${n}`, secretAccessKey: `secret${n}`, expiration });

describe("credentialsResolver", () => {
  it("checks static credentials once and refuses ones without keys", async () => {
    const resolve = credentialsResolver(keys(1), Date.now);
    expect(await resolve()).toEqual(keys(1));
    expect(() => credentialsResolver({ accessKeyId: "", secretAccessKey: "s" }, Date.now)).toThrow(
      "GetJourneyRuns: credentials must have an accessKeyId and a secretAccessKey.",
    );
  });

  it("caches a provider's answer until 5 minutes before it expires", async () => {
    let now = 0;
    let n = 0;
    const provider = vi.fn(async () => keys(++n, new Date(600_000)));
    const resolve = credentialsResolver(provider, () => now);
    expect((await resolve()).accessKeyId).toBe("AKID1");
    now = 299_999;
    expect((await resolve()).accessKeyId).toBe("AKID1");
    now = 300_001;
    expect((await resolve()).accessKeyId).toBe("AKID2");
    expect(provider).toHaveBeenCalledTimes(2);
  });

  it("never asks again for credentials without expiration", async () => {
    const provider = vi.fn(async () => keys(1));
    const resolve = credentialsResolver(provider, Date.now);
    await resolve();
    await resolve();
    expect(provider).toHaveBeenCalledTimes(1);
  });

  it("shares one provider call between concurrent calls", async () => {
    const provider = vi.fn(async () => keys(1));
    const resolve = credentialsResolver(provider, Date.now);
    await Promise.all([resolve(), resolve(), resolve()]);
    expect(provider).toHaveBeenCalledTimes(1);
  });

  it("passes a provider's error on, and asks again at the next call", async () => {
    const provider = vi
      .fn<() => Promise<ReturnType<typeof keys>>>()
      .mockImplementationOnce(() => {
        throw new Error("no credentials");
      })
      .mockResolvedValueOnce(keys(2));
    const resolve = credentialsResolver(provider, Date.now);
    await expect(resolve()).rejects.toThrow("no credentials");
    expect((await resolve()).accessKeyId).toBe("AKID2");
  });

  it("keeps unexpired cached credentials when a refresh fails, and fails once they expire", async () => {
    let now = 0;
    const provider = vi
      .fn<() => Promise<ReturnType<typeof keys>>>()
      .mockResolvedValueOnce(keys(1, new Date(400_000)))
      .mockRejectedValue(new Error("provider down"));
    const resolve = credentialsResolver(provider, () => now);
    await resolve();
    now = 200_000;
    expect((await resolve()).accessKeyId).toBe("AKID1");
    now = 400_001;
    await expect(resolve()).rejects.toThrow("provider down");
  });

  it("refuses what a provider resolves to when it has no keys", async () => {
    const resolve = credentialsResolver(async () => ({}) as never, Date.now);
    await expect(resolve()).rejects.toMatchObject({ name: "InvalidInputError", field: "credentials" });
  });
});
