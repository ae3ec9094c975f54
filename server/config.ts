// Server configuration: CLI flags and the reference server's environment variables → policy and options.
import { isAbsolute } from "node:path";
import { parseArgs } from "node:util";
import { ENDPOINT_ENV_SUFFIX, type LogLevel, type Policy, SERVICE_NAMES, type ServiceName } from "../lib/index.ts";

/** Everything the server needs to start. */
export interface ServerConfig {
  readonly command: "serve" | "version" | "help";
  readonly policy: Partial<Policy>;
  readonly region?: string;
  readonly profile?: string;
  readonly endpoints: Partial<Record<ServiceName | "default", string>>;
  readonly maxAttempts?: number;
  readonly requestTimeoutMs?: number;
  readonly logLevel: LogLevel;
  readonly logFile?: string;
  readonly transport: "stdio" | "http";
  readonly host: string;
  readonly port: number;
  readonly allowedHosts: readonly string[];
  readonly allowedOrigins: readonly string[];
  /** Container CLI for build/push (`--container-runtime`, env ECS_CONTAINER_RUNTIME); default: detected. */
  readonly containerRuntime?: "docker" | "finch" | "podman";
  /** Bearer token HTTP clients must send (`Authorization: Bearer …`); none = no token check. */
  readonly authToken?: string;
  /** OAuth 2.1 resource server settings (JWT access tokens from these issuers, for this resource), when set. */
  readonly oauth?: OAuthConfig;
  /** Key signing 2026-07-28 confirmation states (env ECS_MCP_STATE_KEY): replicas must share it. */
  readonly stateKey?: string;
  /** Tool calls running at once over HTTP before new ones get 429. */
  readonly maxConcurrentCalls: number;
  /** Open HTTP sessions before new ones get 503. */
  readonly maxSessions: number;
  /** On SIGINT/SIGTERM, how long in-flight calls may finish before they are cancelled, ms. */
  readonly shutdownGraceMs: number;
  /** JSON-lines audit log of every write, when set. */
  readonly auditLog?: string;
  /** AWS Knowledge docs proxy: remote URL, or disabled. */
  readonly knowledge: { readonly url?: string; readonly enabled: boolean };
  /** Opt-in bridge to the AWS-managed ECS MCP server. */
  readonly hosted?: { readonly region?: string; readonly url?: string };
}

/** OAuth settings of the HTTP transport (see README "Run it for a team"). */
export interface OAuthConfig {
  /** Accepted token issuers (`--oauth-issuer`, env ECS_MCP_OAUTH_ISSUERS, comma-separated). */
  readonly issuers: readonly string[];
  /** This server's resource URI = the tokens' audience (`--oauth-resource`, env ECS_MCP_OAUTH_RESOURCE). */
  readonly resource: string;
  /** Allowed clock skew on exp/nbf, seconds (env ECS_MCP_OAUTH_CLOCK_SKEW_SECONDS; default 60, at most 300). */
  readonly clockSkewSec: number;
  /** JWKS URL per issuer when it publishes no discovery document (env ECS_MCP_OAUTH_JWKS_URIS: iss=url,...). */
  readonly jwksUris?: Readonly<Record<string, string>>;
}

/** A configuration error: says which flag or variable, what it got and what it accepts. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

const OPTIONS = {
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
  "allow-write": { type: "boolean" },
  "allow-sensitive-data": { type: "boolean" },
  allow: { type: "string", multiple: true },
  deny: { type: "string", multiple: true },
  "allowed-root": { type: "string", multiple: true },
  "container-runtime": { type: "string" },
  "no-confirm": { type: "boolean" },
  region: { type: "string" },
  profile: { type: "string" },
  "endpoint-url": { type: "string" },
  "max-attempts": { type: "string" },
  "request-timeout": { type: "string" },
  "log-level": { type: "string" },
  "log-file": { type: "string" },
  http: { type: "boolean" },
  host: { type: "string" },
  port: { type: "string" },
  "allowed-host": { type: "string", multiple: true },
  "allowed-origin": { type: "string", multiple: true },
  "knowledge-url": { type: "string" },
  "no-knowledge": { type: "boolean" },
  hosted: { type: "boolean" },
  "hosted-url": { type: "string" },
  "auth-token": { type: "string" },
  "oauth-issuer": { type: "string", multiple: true },
  "oauth-resource": { type: "string" },
  "max-concurrent-calls": { type: "string" },
  "max-sessions": { type: "string" },
  "shutdown-grace": { type: "string" },
  "audit-log": { type: "string" },
} as const;

const TRUE = new Set(["true", "1", "yes", "on"]);
const FALSE = new Set(["false", "0", "no", "off", ""]);

/** Reference truthiness (true/1/yes), but a typo is an error instead of a silent "false". */
const envBool = (env: NodeJS.ProcessEnv, name: string): boolean | undefined => {
  const raw = env[name];
  if (raw === undefined) return undefined;
  const v = raw.trim().toLowerCase();
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  throw new ConfigError(
    `${name}=${JSON.stringify(raw)} is not a boolean. Use true/false (also accepted: 1/0, yes/no).`,
  );
};

const LEVELS: Record<string, LogLevel> = {
  debug: "debug",
  info: "info",
  warning: "warn",
  warn: "warn",
  error: "error",
  critical: "error",
};

const level = (raw: string, source: string): LogLevel => {
  const l = LEVELS[raw.trim().toLowerCase()];
  if (!l)
    throw new ConfigError(`${source}=${JSON.stringify(raw)} is not a log level. Use DEBUG, INFO, WARNING or ERROR.`);
  return l;
};

const int = (raw: string | undefined, source: string, min: number, max: number): number | undefined => {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new ConfigError(`${source}=${JSON.stringify(raw)} must be an integer from ${min} to ${max}.`);
  return n;
};

const url = (raw: string, source: string): string => {
  try {
    const u = new URL(raw);
    if (u.protocol !== "http:" && u.protocol !== "https:") throw new Error("protocol");
    return raw;
  } catch {
    throw new ConfigError(`${source}=${JSON.stringify(raw)} is not an http(s) URL.`);
  }
};

/** OAuth settings from flags and env; both the issuer(s) and the resource, or neither. */
const oauthConfig = (
  flagIssuers: readonly string[] | undefined,
  flagResource: string | undefined,
  env: NodeJS.ProcessEnv,
): OAuthConfig | undefined => {
  const issuers = (flagIssuers ?? (env.ECS_MCP_OAUTH_ISSUERS ?? "").split(","))
    .map((i) => i.trim())
    .filter(Boolean)
    .map((i) => url(i, flagIssuers ? "--oauth-issuer" : "ECS_MCP_OAUTH_ISSUERS"));
  const resource = flagResource ?? (env.ECS_MCP_OAUTH_RESOURCE || undefined);
  if (issuers.length === 0 && resource === undefined) return undefined;
  if (issuers.length === 0)
    throw new ConfigError("OAuth needs the accepted issuer(s) too: set --oauth-issuer URL (or ECS_MCP_OAUTH_ISSUERS).");
  if (resource === undefined)
    throw new ConfigError(
      "OAuth needs this server's resource URI (the tokens' audience, e.g. https://mcp.example.com/mcp): set --oauth-resource (or ECS_MCP_OAUTH_RESOURCE).",
    );
  const source = flagResource ? "--oauth-resource" : "ECS_MCP_OAUTH_RESOURCE";
  url(resource, source);
  if (new URL(resource).hash)
    throw new ConfigError(`${source}=${JSON.stringify(resource)} must not have a #fragment (RFC 8707).`);
  for (const i of issuers) {
    const u = new URL(i);
    if (u.protocol !== "https:" && !["127.0.0.1", "localhost", "[::1]"].includes(u.hostname))
      throw new ConfigError(
        `OAuth issuer ${JSON.stringify(i)} must use https (plain http is only accepted on loopback).`,
      );
  }
  const jwksUris: Record<string, string> = {};
  for (const pair of (env.ECS_MCP_OAUTH_JWKS_URIS ?? "").split(",").filter((p) => p.trim())) {
    const at = pair.lastIndexOf("=");
    const iss = pair.slice(0, at).trim();
    if (at < 0 || !issuers.includes(iss))
      throw new ConfigError(
        `ECS_MCP_OAUTH_JWKS_URIS entry ${JSON.stringify(pair.slice(0, 200))} must be <accepted issuer>=<JWKS URL>.`,
      );
    jwksUris[iss] = url(pair.slice(at + 1).trim(), "ECS_MCP_OAUTH_JWKS_URIS");
  }
  return {
    issuers,
    resource,
    clockSkewSec: int(env.ECS_MCP_OAUTH_CLOCK_SKEW_SECONDS, "ECS_MCP_OAUTH_CLOCK_SKEW_SECONDS", 0, 300) ?? 60,
    ...(Object.keys(jwksUris).length > 0 ? { jwksUris } : {}),
  };
};

/** Parses argv and env. Throws ConfigError with a clear message on bad input (the caller prints it and exits 2). */
export const loadConfig = (argv: readonly string[], env: NodeJS.ProcessEnv): ServerConfig => {
  let values: ReturnType<
    typeof parseArgs<{ options: typeof OPTIONS; strict: true; allowPositionals: false }>
  >["values"];
  try {
    ({ values } = parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false }));
  } catch (e) {
    throw new ConfigError(`${(e as Error).message}. Run with --help for the options.`);
  }
  const endpoints: Partial<Record<ServiceName | "default", string>> = {};
  if (env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS?.toLowerCase() !== "true") {
    if (env.AWS_ENDPOINT_URL) endpoints.default = url(env.AWS_ENDPOINT_URL, "AWS_ENDPOINT_URL");
    for (const s of SERVICE_NAMES) {
      const name = `AWS_ENDPOINT_URL_${ENDPOINT_ENV_SUFFIX[s]}`;
      if (env[name]) endpoints[s] = url(env[name]!, name);
    }
  }
  if (values["endpoint-url"]) endpoints.default = url(values["endpoint-url"], "--endpoint-url");
  const roots = values["allowed-root"];
  for (const r of roots ?? [])
    if (!isAbsolute(r)) throw new ConfigError(`--allowed-root ${JSON.stringify(r)} must be an absolute path.`);
  const profile = values.profile ?? (env.AWS_PROFILE || undefined);
  const region = values.region ?? (env.AWS_REGION || env.AWS_DEFAULT_REGION || (profile ? undefined : "us-east-1"));
  const port = int(values.port ?? env.ECS_MCP_PORT, "--port", 0, 65535) ?? 8080;
  const host = values.host ?? "127.0.0.1";
  const runtime = values["container-runtime"] ?? (env.ECS_CONTAINER_RUNTIME || undefined);
  if (runtime !== undefined && !["docker", "finch", "podman"].includes(runtime))
    throw new ConfigError(`--container-runtime ${JSON.stringify(runtime)} must be docker, finch or podman.`);
  const authToken = values["auth-token"] ?? (env.ECS_MCP_AUTH_TOKEN || undefined);
  if (authToken !== undefined && authToken.length < 16)
    throw new ConfigError("--auth-token / ECS_MCP_AUTH_TOKEN must be at least 16 characters (use a random value).");
  const stateKey = env.ECS_MCP_STATE_KEY || undefined;
  if (stateKey !== undefined && stateKey.length < 32)
    throw new ConfigError(
      "ECS_MCP_STATE_KEY must be at least 32 characters (use a random value, the same on every replica).",
    );
  const oauth = oauthConfig(values["oauth-issuer"], values["oauth-resource"], env);
  if (
    values.http &&
    !["127.0.0.1", "localhost", "::1", "[::1]"].includes(host) &&
    authToken === undefined &&
    oauth === undefined
  )
    throw new ConfigError(
      `--host ${host} would expose the server beyond this machine without authentication: set --auth-token (or ECS_MCP_AUTH_TOKEN) or OAuth (--oauth-issuer and --oauth-resource) too.`,
    );
  return {
    command: values.help ? "help" : values.version ? "version" : "serve",
    policy: {
      allowWrite: values["allow-write"] ?? envBool(env, "ALLOW_WRITE") ?? false,
      allowSensitiveData: values["allow-sensitive-data"] ?? envBool(env, "ALLOW_SENSITIVE_DATA") ?? false,
      confirmDestructive: !values["no-confirm"],
      ...(values.allow ? { allowOperations: values.allow.flatMap((a) => a.split(",")).filter(Boolean) } : {}),
      ...(values.deny ? { denyOperations: values.deny.flatMap((a) => a.split(",")).filter(Boolean) } : {}),
      ...(roots ? { allowedRoots: roots } : {}),
    },
    region,
    profile,
    endpoints,
    maxAttempts: int(values["max-attempts"], "--max-attempts", 1, 20),
    requestTimeoutMs: int(values["request-timeout"], "--request-timeout", 100, 600_000),
    logLevel: values["log-level"]
      ? level(values["log-level"], "--log-level")
      : env.FASTMCP_LOG_LEVEL
        ? level(env.FASTMCP_LOG_LEVEL, "FASTMCP_LOG_LEVEL")
        : "info",
    logFile: values["log-file"] ?? (env.FASTMCP_LOG_FILE || undefined),
    transport: values.http ? "http" : "stdio",
    host,
    port,
    // Behind a load balancer the Host is the public name: ECS_MCP_ALLOWED_HOSTS, and the OAuth resource's own host.
    allowedHosts: [
      ...(values["allowed-host"] ?? (env.ECS_MCP_ALLOWED_HOSTS ?? "").split(",").map((h) => h.trim())),
      ...(oauth ? [new URL(oauth.resource).host] : []),
    ].filter(Boolean),
    allowedOrigins: values["allowed-origin"] ?? [],
    ...(runtime ? { containerRuntime: runtime as "docker" | "finch" | "podman" } : {}),
    knowledge: {
      enabled: !values["no-knowledge"],
      ...((values["knowledge-url"] ?? env.ECS_KNOWLEDGE_URL)
        ? {
            url: url(
              values["knowledge-url"] ?? env.ECS_KNOWLEDGE_URL!,
              values["knowledge-url"] ? "--knowledge-url" : "ECS_KNOWLEDGE_URL",
            ),
          }
        : {}),
    },
    ...(values.hosted || values["hosted-url"]
      ? { hosted: { region, ...(values["hosted-url"] ? { url: url(values["hosted-url"], "--hosted-url") } : {}) } }
      : {}),
    ...(authToken ? { authToken } : {}),
    ...(oauth ? { oauth } : {}),
    ...(stateKey ? { stateKey } : {}),
    maxConcurrentCalls: int(values["max-concurrent-calls"], "--max-concurrent-calls", 1, 10_000) ?? 64,
    maxSessions: int(values["max-sessions"], "--max-sessions", 1, 100_000) ?? 1000,
    shutdownGraceMs: int(values["shutdown-grace"], "--shutdown-grace", 0, 3_600_000) ?? 10_000,
    ...((values["audit-log"] ?? env.ECS_MCP_AUDIT_LOG)
      ? { auditLog: values["audit-log"] ?? env.ECS_MCP_AUDIT_LOG }
      : {}),
  };
};

/** --help text. */
export const HELP = `ecs-mcp-server: MCP server for Amazon ECS Express Mode (drop-in for awslabs ecs-mcp-server)

Usage: ecs-mcp-server [options]            serve MCP over stdio (default)
       ecs-mcp-server --http [--port N]    serve MCP over Streamable HTTP on 127.0.0.1
       ecs-mcp-server tools | call <tool> --args '{...}' | doctor
                                           CLI for people and scripts (ecs-mcp-server call --help)

Policy:
  --allow-write              allow changes to AWS and local files       (env ALLOW_WRITE=true)
  --allow-sensitive-data     return logs, env values, secrets unredacted (env ALLOW_SENSITIVE_DATA=true)
  --allow OP[,OP]            only these tools/operations may run
  --deny OP[,OP]             these tools/operations never run
  --allowed-root DIR         app paths must lie under DIR (repeatable)
  --container-runtime R      docker|finch|podman for image builds (env ECS_CONTAINER_RUNTIME; default: detected)
  --no-confirm               do not ask the user before destructive actions
AWS:
  --region R                 (env AWS_REGION; default us-east-1 unless a profile sets one)
  --profile P                (env AWS_PROFILE; SSO profiles work)
  --endpoint-url URL         all services (env AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_<SERVICE>)
  --max-attempts N           attempts per AWS call incl. retries (default 3)
  --request-timeout MS       per HTTP request
Logging (never to stdout):
  --log-level L              DEBUG|INFO|WARNING|ERROR (env FASTMCP_LOG_LEVEL; default INFO)
  --log-file F               also append to F (env FASTMCP_LOG_FILE)
HTTP transport:
  --http  --host H (default 127.0.0.1)  --port N (default 8080)
  --allowed-host H:P  --allowed-origin URL   extra Host/Origin values accepted (DNS-rebinding protection;
                             env ECS_MCP_ALLOWED_HOSTS, comma-separated; the OAuth resource's host is always accepted)
  --auth-token T             require "Authorization: Bearer T" (env ECS_MCP_AUTH_TOKEN; >= 16 chars)
  --oauth-issuer URL         accept JWT access tokens from this issuer (repeatable; env ECS_MCP_OAUTH_ISSUERS, comma-separated)
  --oauth-resource URL       this server's resource URI, the tokens' audience (env ECS_MCP_OAUTH_RESOURCE)
                             scopes: ecs:read (any call), ecs:write (writes), ecs:sensitive (unredacted data);
                             env ECS_MCP_OAUTH_CLOCK_SKEW_SECONDS (default 60), ECS_MCP_OAUTH_JWKS_URIS (iss=url,...)
  --max-concurrent-calls N   tool calls at once before 429 (default 64)
  --max-sessions N           open sessions before 503 (default 1000)
  --shutdown-grace MS        on SIGINT/SIGTERM let calls finish this long, then cancel (default 10000)
  env ECS_MCP_STATE_KEY      key signing 2026-07-28 confirmation states (>= 32 chars; same on every replica)
Documentation and hosted tools:
  --knowledge-url URL        AWS Knowledge MCP server (env ECS_KNOWLEDGE_URL; default https://knowledge-mcp.global.api.aws)
  --no-knowledge             hide the aws_knowledge_* tools (no network use for docs)
  --hosted                   also expose the AWS-managed ECS MCP server's tools as hosted_* (SigV4, same credentials)
  --hosted-url URL           its endpoint (default https://ecs-mcp.<region>.api.aws/mcp; implies --hosted)
Audit:
  --audit-log FILE           append every write as a JSON line (env ECS_MCP_AUDIT_LOG)
  -v, --version   -h, --help
`;
