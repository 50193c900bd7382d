import { bundle, CLIENT_APP } from "./bundle.js";

const b = await bundle(CLIENT_APP);
process.stdout.write(b.code);
