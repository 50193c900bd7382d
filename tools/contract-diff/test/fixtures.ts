import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse, stringify } from "yaml";

/** The repository's contract as text: the base of every fixture. */
export const contractText = readFileSync(
  join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "openapi", "journey-runs.yaml"),
  "utf8",
);

// biome-ignore lint/suspicious/noExplicitAny: fixtures reach into any part of the contract.
export type Contract = any;

/** A changed copy of the contract, as YAML text. */
export function changed(edit: (contract: Contract) => void): string {
  const contract = parse(contractText) as Contract;
  edit(contract);
  return stringify(contract);
}

/** The operation of the contract. */
export function operation(contract: Contract): Contract {
  return contract.paths["/v1/apps/{application-id}/journeys/{journey-id}/runs"].get;
}
