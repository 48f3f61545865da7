// A second process for the live tests: a LiveListener on the URL given (argv[2]) for the org given
// (argv[3]), writing "ready" once it listens, then each event heard as a JSON line.
import { LiveListener } from "@/lib/realtime/live-listener";

const [url, orgId] = process.argv.slice(2) as [string, string];
const listener = new LiveListener({ url });
listener.subscribe(orgId, (message) => process.stdout.write(`${JSON.stringify(message)}\n`));
await listener.ready();
process.stdout.write("ready\n");
process.stdin.on("end", () => void listener.close().then(() => process.exit(0)));
process.stdin.resume();
