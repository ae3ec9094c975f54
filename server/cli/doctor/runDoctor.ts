// Runs every doctor check in parallel: region, credentials (STS GetCallerIdentity), AWS endpoints, knowledge server, container runtime.
import type { EcsAssistant, ServiceName } from "../../../lib/index.ts";
import { endpointTargets } from "./awsEndpoints.ts";
import type { DoctorCheck } from "./check.ts";
import { checkContainerRuntime } from "./findRuntime.ts";
import { probeUrl } from "./probeUrl.ts";

/** What the doctor looks at; the assistant should be built with one attempt per call so failures come fast. */
export interface DoctorInput {
  readonly assistant: Pick<EcsAssistant, "aws">;
  readonly region?: string;
  /** Where the region came from (`--region`, `AWS_REGION`, a profile, or the default). */
  readonly regionSource: string;
  readonly profile?: string;
  readonly endpoints: Partial<Record<ServiceName | "default", string>>;
  /** The knowledge server's URL; undefined when the knowledge tools are switched off. */
  readonly knowledgeUrl?: string;
  readonly env: NodeJS.ProcessEnv;
  readonly timeoutMs: number;
  readonly fetch?: typeof fetch;
}

const REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$/;

const regionCheck = (i: DoctorInput): DoctorCheck => {
  const name = "region";
  if (!i.region) return { name, status: "ok", detail: `taken from profile ${i.profile ?? "(default)"} by the AWS SDK` };
  if (!REGION.test(i.region))
    return {
      name,
      status: "fail",
      detail: `"${i.region}" (${i.regionSource}) is not a region name`,
      fix: "Use a region code such as us-east-1 or eu-west-1 (--region or AWS_REGION).",
    };
  if (i.regionSource === "default")
    return {
      name,
      status: "warn",
      detail: `${i.region} (nothing configured, the default)`,
      fix: "Set AWS_REGION in the MCP client's env block (or --region) to the region of your ECS resources.",
    };
  return { name, status: "ok", detail: `${i.region} (${i.regionSource})` };
};

const credentialsCheck = async (i: DoctorInput): Promise<DoctorCheck> => {
  const r = await i.assistant.aws("sts", "GetCallerIdentity", {}, { signal: AbortSignal.timeout(i.timeoutMs * 2) });
  return r.match<DoctorCheck>(
    (id) => ({ name: "credentials", status: "ok", detail: `${id.Arn ?? "?"} (account ${id.Account ?? "?"})` }),
    (e) => ({
      name: "credentials",
      status: "fail",
      detail: `STS GetCallerIdentity failed: ${e.message}`,
      fix: `${e.hint}${i.profile ? "" : " Set AWS_PROFILE (e.g. after `aws sso login --profile NAME`) or the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY pair in the client's env block."}`,
    }),
  );
};

const endpointChecks = (i: DoctorInput): Promise<DoctorCheck>[] =>
  endpointTargets(i.endpoints, i.region ?? "us-east-1").map(async (t): Promise<DoctorCheck> => {
    const p = await probeUrl(t.url, i.timeoutMs, i.fetch);
    const name = `endpoint ${t.services.length > 3 ? `${t.services.length} services` : t.services.join(", ")}`;
    if (p.reachable)
      return { name, status: "ok", detail: `${t.url} answers (HTTP ${p.status}, ${p.ms} ms; ${t.source})` };
    return {
      name,
      status: "fail",
      detail: `${t.url} unreachable: ${p.reason} (${t.source})`,
      fix:
        t.source === "AWS default"
          ? "Check the network, proxy (HTTPS_PROXY) or VPC endpoints; or point the service at a reachable endpoint with AWS_ENDPOINT_URL_<SERVICE>."
          : `Start the endpoint at ${t.url}, or correct/remove ${t.source}.`,
    };
  });

const knowledgeCheck = async (i: DoctorInput): Promise<DoctorCheck> => {
  const name = "knowledge server";
  if (!i.knowledgeUrl)
    return { name, status: "ok", detail: "switched off (the aws_knowledge_* tools are not offered)" };
  const p = await probeUrl(i.knowledgeUrl, i.timeoutMs, i.fetch);
  if (p.reachable) return { name, status: "ok", detail: `${i.knowledgeUrl} answers (HTTP ${p.status}, ${p.ms} ms)` };
  return {
    name,
    status: "warn",
    detail: `${i.knowledgeUrl} unreachable: ${p.reason}`,
    fix: "Only the aws_knowledge_* documentation tools need it (they answer 'unavailable' meanwhile): allow HTTPS to it through your proxy/firewall.",
  };
};

/** All checks, in a stable order; never throws. */
export const runDoctor = async (i: DoctorInput): Promise<DoctorCheck[]> =>
  Promise.all([
    regionCheck(i),
    credentialsCheck(i),
    ...endpointChecks(i),
    knowledgeCheck(i),
    checkContainerRuntime(i.env, i.timeoutMs),
  ]);
