// Options of the remote MCP bridges: the AWS Knowledge docs server and the AWS-managed ECS MCP server.

/** The public AWS Knowledge MCP server (no authentication). */
export const KNOWLEDGE_DEFAULT_URL = "https://knowledge-mcp.global.api.aws";

/** Where the remote AWS Knowledge MCP server is and how long to wait for it. */
export interface KnowledgeOptions {
  /** Streamable HTTP endpoint; default {@link KNOWLEDGE_DEFAULT_URL}. */
  readonly url?: string;
  /** false hides the three aws_knowledge_* tools entirely (no network use at all). Default true. */
  readonly enabled?: boolean;
  /** Time allowed to open the MCP session (initialize), ms. Default 5000. */
  readonly connectTimeoutMs?: number;
  /** Time allowed for one tool call, ms. Default 30000. */
  readonly callTimeoutMs?: number;
  /** After a failed connection, calls fail fast for this long before the next attempt, ms. Default 30000. */
  readonly retryAfterMs?: number;
  /** fetch used for every HTTP request (tests, proxies). Default the global fetch. */
  readonly fetch?: typeof fetch;
}

/** The AWS-managed Amazon ECS MCP server (preview), reached with SigV4-signed requests. Opt-in. */
export interface HostedOptions {
  /** Region of the endpoint and of the signature; default the assistant's AWS region, else us-east-1. */
  readonly region?: string;
  /** Endpoint; default `https://ecs-mcp.<region>.api.aws/mcp`. */
  readonly url?: string;
  /** Prefix of the hosted tool names next to ours; default `hosted_`. */
  readonly prefix?: string;
  /** SigV4 service name; default `ecs-mcp`. */
  readonly service?: string;
  readonly connectTimeoutMs?: number;
  readonly callTimeoutMs?: number;
  readonly retryAfterMs?: number;
  readonly fetch?: typeof fetch;
}

/** The endpoint of the AWS-managed ECS MCP server in a region. */
export const hostedUrl = (region: string): string => `https://ecs-mcp.${region}.api.aws/mcp`;

/** Defaults shared by both bridges. */
export const REMOTE_DEFAULTS = Object.freeze({ connectTimeoutMs: 5_000, callTimeoutMs: 30_000, retryAfterMs: 30_000 });
