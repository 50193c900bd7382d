import { expectTypeOf, test } from "vitest";
import type { FaultSpec, JournalEntry, JourneyRunsScene, JourneyRunsState } from "../src/control-api/types.js";
import type { JourneyRunsControlErrorCode } from "../src/control-client/index.js";
import type { JourneyRunsMisuseCode, JourneyRunsMockErrorCode } from "../src/core/errors.js";
import type { components } from "../src/generated/control.js";

type Schemas = components["schemas"];

type OptionalKeys<T> = { [K in keyof T]-?: Record<never, never> extends Pick<T, K> ? K : never }[keyof T];
type RequiredKeys<T> = Exclude<keyof T, OptionalKeys<T>>;

/**
 * A type as JSON carries it, the same for both sides: optional fields without `| undefined` (JSON.stringify drops
 * an undefined field) and a `Date` as its ISO string (JSON.stringify writes it so). Nothing else changes, so
 * equality of the two `Wire` types is equality of the shapes.
 */
type Wire<T> = T extends Date
  ? string
  : T extends readonly (infer E)[]
    ? Wire<E>[]
    : T extends object
      ? string extends keyof T
        ? { [key: string]: Wire<T[string & keyof T]> }
        : { [K in RequiredKeys<T>]: Wire<T[K]> } & { [K in OptionalKeys<T>]?: Wire<Exclude<T[K], undefined>> }
      : T;

/** Forces TypeScript to expand a type, so that two structurally equal types compare equal. */
type Deep<T> = T extends readonly (infer E)[] ? Deep<E>[] : T extends object ? { [K in keyof T]: Deep<T[K]> } : T;

/** The two types as JSON carries them, for `toEqualTypeOf` (which is exact: both ways, optionality included). */
type AsJson<T> = Deep<Wire<T>>;

test("the generated FaultSpec is the core FaultSpec, both ways", () => {
  expectTypeOf<AsJson<Schemas["FaultSpec"]>>().toEqualTypeOf<AsJson<FaultSpec>>();
});

test("the generated JourneyRunsScene is the core JourneyRunsScene, both ways", () => {
  expectTypeOf<AsJson<Schemas["JourneyRunsScene"]>>().toEqualTypeOf<AsJson<JourneyRunsScene>>();
});

test("the generated JourneyRunsState is the core JourneyRunsState, both ways", () => {
  expectTypeOf<AsJson<Schemas["JourneyRunsState"]>>().toEqualTypeOf<AsJson<JourneyRunsState>>();
});

test("the generated JournalEntry is the core JournalEntry, both ways", () => {
  expectTypeOf<AsJson<Schemas["JournalEntry"]>>().toEqualTypeOf<AsJson<JournalEntry>>();
});

test("a different shape is told apart (the comparison can fail)", () => {
  type Widened = Omit<JournalEntry, "status"> & { status: number };
  expectTypeOf<AsJson<Schemas["JournalEntry"]>>().not.toEqualTypeOf<AsJson<Widened>>();
  type Narrowed = Omit<JourneyRunsScene, "clock">;
  expectTypeOf<AsJson<Schemas["JourneyRunsScene"]>>().not.toEqualTypeOf<AsJson<Narrowed>>();
  type Required = JourneyRunsScene & { latency: number };
  expectTypeOf<AsJson<Schemas["JourneyRunsScene"]>>().not.toEqualTypeOf<AsJson<Required>>();
});

test("every misuse code of the in-process fake is a code of the control plane's errors", () => {
  expectTypeOf<JourneyRunsMisuseCode>().toExtend<JourneyRunsControlErrorCode>();
});

test("the control plane's codes are codes of the one error family", () => {
  expectTypeOf<JourneyRunsControlErrorCode>().toExtend<JourneyRunsMockErrorCode>();
});
