// The MCP protocol versions this server speaks, and the answers that name them (server/discover, -32022).
import {
  type JSONRPCErrorResponse,
  McpServer,
  PROTOCOL_VERSION_META_KEY,
  type RequestId,
  type Server,
  SUPPORTED_PROTOCOL_VERSIONS,
  UnsupportedProtocolVersionError,
} from "@modelcontextprotocol/server";

/** 2026-07-28 per request (`_meta` envelope, no handshake); the others through `initialize`. Newest first. */
export const MODERN_VERSIONS: readonly string[] = ["2026-07-28"];
/** The 2025-era versions `initialize` accepts (the SDK's list: 2025-11-25, 2025-06-18 and older, as on v1). */
export const LEGACY_VERSIONS: readonly string[] = SUPPORTED_PROTOCOL_VERSIONS;
/** Every version served, newest first: what `server/discover` and the -32022 error list. */
export const SERVED_VERSIONS: readonly string[] = [...MODERN_VERSIONS, ...LEGACY_VERSIONS];

/** The protocol version a JSON-RPC message claims in its 2026-07-28 `_meta` envelope; undefined when none. */
export const claimedVersion = (message: unknown): string | undefined => {
  if (!message || typeof message !== "object" || Array.isArray(message)) return undefined;
  const meta = (message as { params?: { _meta?: Record<string, unknown> } }).params?._meta;
  if (!meta || typeof meta !== "object" || !(PROTOCOL_VERSION_META_KEY in meta)) return undefined;
  const v = meta[PROTOCOL_VERSION_META_KEY];
  return typeof v === "string" ? v : "(not a string)";
};

/**
 * The -32022 answer to a request claiming a version this server does not serve: `supported` lists every served
 * version (the SDK's own answer names only its modern ones, which would hide that 2025 clients can `initialize`).
 */
export const unsupportedVersion = (id: RequestId | null, requested: string): JSONRPCErrorResponse => {
  const e = new UnsupportedProtocolVersionError({ supported: [...SERVED_VERSIONS], requested });
  return {
    jsonrpc: "2.0",
    id: id as RequestId,
    error: {
      code: e.code,
      message: `${e.message}. This server speaks ${SERVED_VERSIONS.join(", ")} (2025-era versions through initialize).`,
      data: e.data,
    },
  };
};

/**
 * Makes `server/discover` list every served version, 2025-era ones included. The SDK's serving entries install
 * the discover handler after the factory returns and it calls the instance's `_ondiscover`, which lists only the
 * modern revisions: this wraps that method on the instance (the SDK is pinned to an exact version; a test holds it).
 */
export const discoverAllVersions = <T extends Server | McpServer>(product: T): T => {
  const server = (product instanceof McpServer ? product.server : product) as unknown as {
    _ondiscover: () => { supportedVersions: string[] };
  };
  const original = server._ondiscover.bind(server);
  server._ondiscover = () => ({ ...original(), supportedVersions: [...SERVED_VERSIONS] });
  return product;
};
