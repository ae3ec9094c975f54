// DNS-rebinding protection: the Host header must name this server (the SDK's parser and loopback list, plus the port).
import { localhostAllowedHostnames, validateHostHeader } from "@modelcontextprotocol/server";

/**
 * Accepts a Host header naming a loopback name or the bound address at the bound port, or one of `allowedHosts`
 * (`host:port`, as `--allowed-host` takes them). The SDK checks the host name; the port check is ours: a page on
 * another local port must not reach this one.
 */
export const hostAllowed = (
  header: string | undefined,
  bind: { readonly host: string; readonly port: number },
  allowedHosts: readonly string[],
): boolean => {
  if (!header) return false;
  const lower = header.toLowerCase();
  if (allowedHosts.some((h) => h.toLowerCase() === lower)) return true;
  // An IPv6 address arrives in brackets in the Host header ([fd00::2]:8080).
  const bound = bind.host.includes(":") && !bind.host.startsWith("[") ? `[${bind.host}]` : bind.host;
  const checked = validateHostHeader(lower, [...localhostAllowedHostnames(), bound.toLowerCase()]);
  if (!checked.ok) return false;
  const port = /:(\d+)$/.exec(lower)?.[1];
  return port !== undefined && Number(port) === bind.port;
};
