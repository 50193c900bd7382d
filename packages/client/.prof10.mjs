import { createServer } from "node:http";
import { createJourneyRunsClient } from "./.scratch/dist/index.js";

const body = JSON.stringify({
  Item: [{ CreationTime: "a", LastUpdateTime: "b", RunId: "c", Status: "COMPLETED" }],
  NextToken: "n",
});
const server = createServer((q, r) => {
  r.writeHead(200, { "content-type": "application/json" });
  r.end(body);
});
await new Promise((res) => server.listen(0, "127.0.0.1", res));
const endpoint = `http://127.0.0.1:${server.address().port}`;
const credentials = {
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
  sessionToken: "token",
};
const mode = process.argv[2];
const client =
  mode === "signed"
    ? createJourneyRunsClient({ endpoint, region: "us-east-1", credentials })
    : createJourneyRunsClient({ endpoint });
const input = {
  applicationId: "11111111112222222222333333333344",
  journeyId: "aaaaaaaaaabbbbbbbbbbccccccccccdd",
  pageSize: 25,
};
for (let i = 0; i < 500; i++) await client.getJourneyRuns(input);
const t = performance.now();
const cpu0 = process.cpuUsage();
for (let i = 0; i < 4000; i++) await client.getJourneyRuns(input);
const cpu = process.cpuUsage(cpu0);
console.log(
  mode,
  (((performance.now() - t) * 1000) / 4000).toFixed(1),
  "us wall",
  ((cpu.user + cpu.system) / 4000).toFixed(1),
  "us cpu",
);
server.close();
