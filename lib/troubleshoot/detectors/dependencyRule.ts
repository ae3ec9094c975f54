// "The app cannot reach a dependency" with the facts of the case: the host and port from the failing line, what the
// error says about the path (a timeout is dropped packets: a security group, network ACL or route; a refusal means
// the host answered and nothing listens; a name that does not resolve is DNS), and the task's security groups the
// dependency's group must admit.
import { type Finding, finding } from "../finding.ts";

const TARGET =
  /(?:ETIMEDOUT|ECONNREFUSED|EHOSTUNREACH|dial tcp|connect to|could not connect to server|Connection refused|timed out connecting to)[^\d\w]*(?:[\w.-]+\/)?(\d{1,3}(?:\.\d{1,3}){3}|[a-z0-9.-]+\.[a-z]{2,}):(\d{2,5})/i;

const kindOf = (text: string): "timeout" | "refused" | "dns" | "other" =>
  /ETIMEDOUT|timed? ?out|i\/o timeout|EHOSTUNREACH/i.test(text)
    ? "timeout"
    : /ECONNREFUSED|Connection refused/i.test(text)
      ? "refused"
      : /ENOTFOUND|getaddrinfo|no such host|Name or service not known/i.test(text)
        ? "dns"
        : "other";

/** dependency_unreachable gains the host:port, the failure mode and the task's security groups. */
export const dependencyRule = (found: readonly Finding[], securityGroups: readonly string[] = []): Finding[] =>
  found.map((f) => {
    if (f.id !== "dependency_unreachable") return f;
    const line = f.evidence.find((e) => TARGET.test(e.text))?.text ?? f.evidence[0]?.text ?? "";
    const m = TARGET.exec(line);
    const kind = kindOf(line);
    if (!m && kind === "other") return f;
    const target = m ? `${m[1]}:${m[2]}` : "the dependency";
    const port = m?.[2];
    const sgs = securityGroups.length ? securityGroups.join(", ") : "the task's security group";
    const why =
      kind === "timeout"
        ? `The connection to ${target} timed out: packets are dropped on the way, most often by the dependency's security group not admitting ${sgs}${port ? ` on TCP ${port}` : ""}, or by a network ACL or a missing route (another VPC, a public address from private subnets).`
        : kind === "refused"
          ? `${target} refused the connection: the host is reachable but nothing listens on that port (wrong port, the service is down, or it listens only on localhost).`
          : kind === "dns"
            ? `The dependency's host name does not resolve from the task (a typo, a private hosted zone not associated with the VPC, or VPC DNS support disabled).`
            : `The connection to ${target} failed.`;
    return finding({
      ...f,
      title: `The app cannot reach ${target}${kind === "timeout" ? " (connection timed out)" : kind === "refused" ? " (connection refused)" : ""}`,
      likelihood: Math.max(f.likelihood, 0.8),
      explanation: why,
      fix:
        kind === "timeout"
          ? `Allow inbound TCP ${port ?? "<port>"} from ${sgs} on the security group of ${target}, check that ${sgs} allows outbound TCP ${port ?? "<port>"}, and that the task subnets route to it (same VPC or peered, network ACLs open both ways).`
          : kind === "refused"
            ? `Check the port in the connection string and that the dependency at ${target} is up and listening on its network interface.`
            : "Check the host name in the connection string and the VPC's DNS settings (enableDnsSupport, private hosted zone associations).",
    });
  });
