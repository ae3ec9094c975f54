// A team service under load: 2 replicas of the compiled binary behind haproxy on loopback, OAuth 2.1 on (tokens from
// the loopback OIDC issuer stand-in, one per client, scope ecs:read), `clients` authorized 2026-07-28 clients at once
// making sequential read calls against the loopback fake AWS. Reports p50/p99, errors and each replica's RSS.
import { readFileSync } from "node:fs";
import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { startOidcIssuer } from "../test/support/oidcIssuer.ts";
import { startReplicas } from "../test/support/replicas.ts";
import { ourBinary } from "./lib/build.ts";
import { driveClients } from "./lib/driveClients.ts";
import { startBenchAws } from "./lib/fakeEnv.ts";
import { round } from "./lib/stats.ts";

export interface TeamLoadRow {
  replicas: number;
  clients: number;
  calls: number;
  calls_per_s: number;
  p50_ms: number;
  p99_ms: number;
  errors: number;
  /** Status of a tools/list without a token through the balancer (must be 401: the load is the authorized path). */
  no_token_status: number;
  /** After the load: resident set and its peak (VmHWM) per replica, MB, "r1 / r2". */
  rss_mb: string;
  peak_rss_mb: string;
}

const CALL = {
  name: "ecs_resource_management",
  arguments: { api_operation: "DescribeClusters", api_params: { clusters: ["default"] } },
};
const RESOURCE = "https://mcp.team.example/mcp";

/** `VmRSS` / `VmHWM` of a process in MB (Linux /proc). */
const memOf = (pid: number, field: "VmRSS" | "VmHWM"): number => {
  const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? round(Number(m[1]) / 1024, 1) : Number.NaN;
};

export const teamLoad = async (clients: number, perClient: number): Promise<TeamLoadRow> => {
  const fake = await startBenchAws();
  const issuer = await startOidcIssuer();
  const env = {
    ECS_MCP_OAUTH_ISSUERS: issuer.url,
    ECS_MCP_OAUTH_RESOURCE: RESOURCE,
    ECS_MCP_STATE_KEY: "bench-state-key-shared-by-both-replicas-0123456789",
  };
  const set = await startReplicas(fake.url, 2, env, ourBinary());
  try {
    const refused = await fetch(set.url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }),
    });
    const peers = await Promise.all(
      Array.from({ length: clients }, async (_, i) => {
        const token = await issuer.mint({ aud: RESOURCE, sub: `user-${i}`, scope: "ecs:read" }, { ttlSec: 3600 });
        const c = new Client({ name: "bench", version: "1" }, { versionNegotiation: { mode: { pin: "2026-07-28" } } });
        const headers = { authorization: `Bearer ${token}` };
        await c.connect(new StreamableHTTPClientTransport(new URL(set.url), { requestInit: { headers } }));
        return c;
      }),
    );
    const load = await driveClients(peers, perClient, CALL);
    return {
      replicas: set.pids.length,
      clients,
      ...load,
      no_token_status: refused.status,
      rss_mb: set.pids.map((p) => memOf(p, "VmRSS")).join(" / "),
      peak_rss_mb: set.pids.map((p) => memOf(p, "VmHWM")).join(" / "),
    };
  } finally {
    await set.close();
    await issuer.close();
    await fake.close();
  }
};
