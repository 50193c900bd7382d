// Runs the built journey-runs-mock CLI (path in argv[2], its options after it) in this process and, when it prints
// its URL, prints instead what starting it loaded: the crypto modules it added to those that Node and node:http load
// anyway (node:http loads node:crypto on Node 22 and later, not on Node 20), the crypto modules loaded in all, and how
// many Intl.Collators were made.
// test/bin.test.ts uses it to hold startup to what serving the first request needs.
const cryptoModules = () => process.moduleLoadList.filter((name) => /\bcrypto\b/.test(name));
await import("node:http");
const before = new Set(cryptoModules());
let collators = 0;
const Collator = Intl.Collator;
Intl.Collator = new Proxy(Collator, {
  construct(target, args, newTarget) {
    collators++;
    return Reflect.construct(target, args, newTarget);
  },
});
const [cli, ...options] = process.argv.slice(2);
process.argv.splice(2, process.argv.length, ...options);
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = (chunk, ...rest) => {
  const text = String(chunk);
  if (!text.startsWith("http://")) return write(chunk, ...rest);
  const crypto = cryptoModules();
  const added = crypto.filter((name) => !before.has(name));
  write(`${JSON.stringify({ url: text.trim(), collators, added, crypto })}\n`, () => process.exit(0));
  return true;
};
await import(cli);
