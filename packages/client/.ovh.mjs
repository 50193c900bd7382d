// Client overhead without the network: a fetch that answers at once.
const lib = process.argv[2] ?? "@journey-runs/client";
const { createJourneyRunsClient } = await import(lib);
const body = JSON.stringify({
  Item: [{ CreationTime: "a", LastUpdateTime: "b", RunId: "c", Status: "COMPLETED" }],
  NextToken: "n",
});
const fetch = async () =>
  new Response(body, { headers: { "content-type": "application/json", date: new Date().toUTCString() } });
const credentials = {
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
  sessionToken: "token",
};
const input = {
  applicationId: "11111111112222222222333333333344",
  journeyId: "aaaaaaaaaabbbbbbbbbbccccccccccdd",
  pageSize: 25,
};
const endpoint = "http://127.0.0.1:4010";
const v = {
  response: () => fetch(),
  unsigned: createJourneyRunsClient({ endpoint, fetch }),
  signed: createJourneyRunsClient({ endpoint, region: "us-east-1", credentials, fetch }),
};
const call = {
  response: async () => (await fetch()).text(),
  unsigned: () => v.unsigned.getJourneyRuns(input),
  signed: () => v.signed.getJourneyRuns(input),
};
for (let i = 0; i < 3000; i++) for (const f of Object.values(call)) await f();
const cpu = { response: [], unsigned: [], signed: [] };
for (let r = 0; r < 100; r++)
  for (const [k, f] of Object.entries(call)) {
    const c0 = process.cpuUsage();
    for (let i = 0; i < 200; i++) await f();
    const c = process.cpuUsage(c0);
    cpu[k].push((c.user + c.system) / 200);
  }
const med = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
console.log(
  lib.padEnd(30),
  Object.entries(cpu)
    .map(([k, a]) => `${k} ${med(a).toFixed(1)}`)
    .join("  "),
  " signed-unsigned",
  (med(cpu.signed) - med(cpu.unsigned)).toFixed(1),
);
