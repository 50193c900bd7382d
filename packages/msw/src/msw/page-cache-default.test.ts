import { describe, expect, test } from "vitest";
import { createJourneyRunsFake } from "../core/fake.js";
import { PAGE_CACHE_CHARS, TENANT_PAGE_CACHE_CHARS } from "../core/store/page-cache.js";
import { createServerFake } from "../server/data/server-fake.js";
import { createJourneyRunsMock } from "./msw-handlers.js";

// Decision 0020 (amended): the single journey-runs-mock server keeps 256 KiB, where the same pages are asked again; a
// tenant keeps 32 KiB (the pages a test reads again, bounded over 1,000 tenants); the MSW mock keeps none.
describe("the page cache's default, by where the fake serves", () => {
  test("the MSW mock has no page cache unless asked for one", () => {
    expect(createJourneyRunsMock().store.pageCacheChars).toBe(0);
    expect(createJourneyRunsMock({ pageCacheChars: 4096 }).store.pageCacheChars).toBe(4096);
    expect(createJourneyRunsMock({ pageCacheChars: undefined }).store.pageCacheChars).toBe(0);
  });

  test("the framework-free fake and the single server keep the 256 KiB cache; a recipe sets another size", () => {
    expect(PAGE_CACHE_CHARS).toBe(262_144);
    expect(createJourneyRunsFake().store.pageCacheChars).toBe(PAGE_CACHE_CHARS);
    expect(createServerFake({}, undefined).store.pageCacheChars).toBe(PAGE_CACHE_CHARS);
    expect(createServerFake({ pageCacheChars: 0 }, undefined).store.pageCacheChars).toBe(0);
    expect(TENANT_PAGE_CACHE_CHARS).toBe(32_768);
  });
});
