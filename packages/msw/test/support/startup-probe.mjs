// Runs the built journey-runs-mock CLI (path in argv[2], its options after it) in this process and, when it prints
// its URL, prints instead what starting it loaded: the node:crypto modules and how many Intl.Collators were made.
// test/bin.test.ts uses it to hold startup to what serving the first request needs.
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
  const crypto = process.moduleLoadList.filter((name) => /\bcrypto\b/.test(name));
  write(`${JSON.stringify({ url: text.trim(), collators, crypto })}\n`, () => process.exit(0));
  return true;
};
await import(cli);
