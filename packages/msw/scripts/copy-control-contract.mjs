// Ships the control plane's contract in the package (openapi/journey-runs-mock-control.yaml in the tarball): npm packs
// only files under the package, and the contract's one source is the repository's openapi/ folder.
import { copyFileSync, mkdirSync } from "node:fs";

const source = new URL("../../../openapi/journey-runs-mock-control.yaml", import.meta.url);
const target = new URL("../openapi/journey-runs-mock-control.yaml", import.meta.url);
mkdirSync(new URL(".", target), { recursive: true });
copyFileSync(source, target);
