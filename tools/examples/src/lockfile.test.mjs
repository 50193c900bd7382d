import { describe, expect, test } from "vitest";
import { stripTarballIntegrity } from "./lockfile.mjs";

const lock = (entries) => JSON.stringify({ lockfileVersion: 3, packages: entries });

describe("stripTarballIntegrity", () => {
  test("removes the integrity of our tarballs and keeps every registry package's", () => {
    const { text, stripped } = stripTarballIntegrity(
      lock({
        "node_modules/@journey-runs/client": { resolved: "file:../.tarballs/journey-runs-client.tgz", integrity: "x" },
        "node_modules/react": { resolved: "https://registry.npmjs.org/react/-/react-19.3.1.tgz", integrity: "y" },
      }),
    );
    expect(stripped).toEqual(["node_modules/@journey-runs/client"]);
    const packages = JSON.parse(text).packages;
    expect(packages["node_modules/@journey-runs/client"]).not.toHaveProperty("integrity");
    expect(packages["node_modules/react"].integrity).toBe("y");
  });

  test("refuses a lockfile whose @journey-runs package comes from a registry, not from a tarball", () => {
    const text = lock({ "node_modules/@journey-runs/types": { resolved: "https://registry.npmjs.org/x.tgz" } });
    expect(() => stripTarballIntegrity(text)).toThrow(/not to a tarball of examples\/\.tarballs/);
  });

  test("is stable: stripping twice gives the same text", () => {
    const once = stripTarballIntegrity(
      lock({ "node_modules/@journey-runs/msw": { resolved: "file:a", integrity: "z" } }),
    );
    expect(stripTarballIntegrity(once.text).text).toBe(once.text);
  });
});
