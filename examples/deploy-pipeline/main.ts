// Deploys a source folder to ECS Express Mode in one call (containerize → build/push → prerequisites → service → wait), printing progress.
import { resolve } from "node:path";
import { createEcsAssistant } from "../../lib/index.ts"; // in your project: from "ecs-assistant"

const [appPath, appName, port = "8080", ...flags] = process.argv.slice(2);
if (!appPath || !appName) {
  console.error("usage: deploy-pipeline <app-folder> <app-name> [port] [--dry-run] [--tag T]");
  process.exit(2);
}
const dryRun = flags.includes("--dry-run");
const tag = flags.includes("--tag") ? flags[flags.indexOf("--tag") + 1] : undefined;

const assistant = createEcsAssistant({
  // Deploying writes: allowed here on purpose, and only for the folder we deploy.
  policy: { allowWrite: true, allowedRoots: [resolve(appPath, "..")] },
  aws: {
    region: process.env.AWS_REGION ?? "us-east-1",
    profile: process.env.AWS_PROFILE,
    endpoints: process.env.AWS_ENDPOINT_URL ? { default: process.env.AWS_ENDPOINT_URL } : {},
  },
});

// Ctrl-C cancels the AWS waits cleanly (the result is a `cancelled` error, and a re-run resumes).
const stop = new AbortController();
process.once("SIGINT", () => stop.abort());

const result = await assistant.deployApp(
  { app_path: resolve(appPath), app_name: appName, port: Number(port), dry_run: dryRun, ...(tag ? { tag } : {}) },
  {
    signal: stop.signal,
    onProgress: (p) => console.error(`[${p.progress}/${p.total ?? "?"}] ${p.message}`),
  },
);
assistant.close();

result.match(
  (r) => {
    if (dryRun || !("status" in r)) {
      console.log(JSON.stringify(r, null, 2));
      return;
    }
    for (const s of r.steps) console.log(`${s.step}: ${s.status}`);
    console.log(r.status === "success" ? `deployed: ${r.url}` : `failed at ${r.failed_step}: ${r.hint}`);
    if (r.status !== "success") process.exitCode = 1;
  },
  (e) => {
    console.error(`${e.kind}: ${e.message}\nhint: ${e.hint}`);
    process.exitCode = 1;
  },
);
