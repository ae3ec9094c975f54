// Rules across sources: target health + host-check log lines ⇒ host allow-list; container health check failing while
// the load balancer reaches the app + a Next.js server + HOSTNAME unset ⇒ bind 0.0.0.0; credential errors or
// AccessDenied as the execution role in the app's logs + no (or the same) task role ⇒ task role missing/misassigned.
import type { Task, TaskDefinition } from "@aws-sdk/client-ecs";
import type { TargetGroup, TargetHealthDescription } from "@aws-sdk/client-elastic-load-balancing-v2";
import { type Evidence, type Finding, finding } from "../finding.ts";
import { dependencyRule } from "./dependencyRule.ts";
import { roleName } from "./failureContext.ts";
import type { LogLine } from "./logPatterns.ts";
import { runtimeLimitRule } from "./runtimeLimitRule.ts";
import { sidecarLogRule } from "./sidecarLogRule.ts";
import { slowStartRule } from "./slowStartRule.ts";

/** What the cross-source rules read. */
export interface CrossFacts {
  readonly taskDefinition?: TaskDefinition;
  readonly tasks: readonly Task[];
  readonly targets: readonly TargetHealthDescription[];
  readonly logs: readonly LogLine[];
  readonly gracePeriodSeconds?: number;
  readonly targetGroups?: readonly TargetGroup[];
  /** The task's security group ids, when read. */
  readonly securityGroups?: readonly string[];
}

const HOST_CHECK =
  /DisallowedHost|Invalid HTTP_HOST header|ALLOWED_HOSTS|Blocked hosts?: |HostAuthorization|config\.hosts|host_authorization/;
const NO_CREDENTIALS =
  /Unable to locate credentials|NoCredentialsError|Could not load credentials from any providers|CredentialsProviderError|Unable to load (AWS )?credentials from any|NoCredentialProviders|Missing credentials in config|SdkClientException: Unable to load credentials/;
const DENIED = /is not authorized to perform:? ([\w-]+:\w+)(?: on resource:? "?([^"\s]+)"?)?/;
const NEXT = /▲ Next\.js|Next\.js v?\d+\.\d+|next start|- Local:\s+http:\/\/ip-/;

const logEv = (l: LogLine): Evidence => ({
  source: "log",
  ref: l.stream,
  at: l.timestamp,
  text: l.message.length > 300 ? `${l.message.slice(0, 297)}...` : l.message.trim(),
});

/** Host allow-list: a 400/403 health check finding gains the log line that proves it. */
const hostRule = (found: Finding[], f: CrossFacts): Finding[] => {
  const lines = f.logs.filter((l) => HOST_CHECK.test(l.message));
  if (lines.length === 0) return found;
  const rails = lines.some((l) => /Blocked host|HostAuthorization|config\.hosts/.test(l.message));
  const framework = rails ? "Rails HostAuthorization (config.hosts)" : "Django ALLOWED_HOSTS (DisallowedHost)";
  const idx = found.findIndex((x) => x.id === "health_check_host_rejected" || x.id === "health_check_status_mismatch");
  if (idx < 0) {
    return [
      ...found,
      finding({
        id: "health_check_host_rejected",
        category: "service",
        title: `The app rejects requests' Host header (${framework})`,
        likelihood: 0.7,
        evidence: lines.slice(0, 3).map(logEv),
        explanation: `${framework} refuses requests whose Host header is not allow-listed; load balancer health checks send the task's private IP as Host.`,
        fix: rails
          ? "Exempt the health path: config.host_authorization = { exclude: ->(r) { r.path == '/health' } }, or add the VPC range to config.hosts."
          : "Add the task's private IP (from the ECS task metadata endpoint at start) or the load balancer's Host to ALLOWED_HOSTS, or answer the health path in a middleware placed before CommonMiddleware.",
      }),
    ];
  }
  const h = found[idx]!;
  const out = [...found];
  out[idx] = {
    ...h,
    id: "health_check_host_rejected",
    title: `${h.title}: ${framework} rejects the health check's Host header`,
    likelihood: 0.93,
    evidence: [...lines.slice(0, 2).map(logEv), ...h.evidence],
    explanation: `${h.explanation} The app's log shows it: ${framework} rejected the Host the load balancer sends (the task's private IP).`,
  };
  return out;
};

/** Next.js binds the HOSTNAME the runtime sets (the task's hostname): localhost health checks fail. */
const nextRule = (f: CrossFacts): Finding[] => {
  const containerHc = f.tasks.filter(
    (t) =>
      /failed container health checks/i.test(t.stoppedReason ?? "") ||
      t.containers?.some((c) => c.healthStatus === "UNHEALTHY"),
  );
  if (containerHc.length === 0) return [];
  const banner = f.logs.filter((l) => NEXT.test(l.message));
  const c = f.taskDefinition?.containerDefinitions?.find((x) => x.healthCheck?.command?.length);
  const hostname = c?.environment?.find((e) => e.name === "HOSTNAME")?.value;
  if (banner.length === 0 || (hostname && /^(0\.0\.0\.0|::)$/.test(hostname))) return [];
  const lbHealthy = f.targets.length > 0 && f.targets.every((t) => t.TargetHealth?.State === "healthy");
  return [
    finding({
      id: "nextjs_binds_task_hostname",
      category: "task",
      title: "Next.js listens on the task's hostname, so the container health check on localhost fails",
      likelihood: 0.95,
      evidence: [
        ...banner.slice(0, 2).map(logEv),
        ...(c
          ? [
              {
                source: "task_definition" as const,
                ref: c.name,
                text: `healthCheck ${c.healthCheck?.command?.join(" ")}; HOSTNAME ${hostname ?? "not set"}`,
              },
            ]
          : []),
        ...(lbHealthy ? [{ source: "target_health" as const, text: "load balancer targets are healthy" }] : []),
        {
          source: "task" as const,
          ref: containerHc[0]?.taskArn?.split("/").at(-1),
          text: containerHc[0]?.stoppedReason ?? "container UNHEALTHY",
        },
      ],
      explanation: `The Next.js standalone server binds to the address in its HOSTNAME environment variable; the container runtime sets HOSTNAME to the task's own hostname (overriding an ENV in the image), so the server listens on the task's IP only.${lbHealthy ? " The load balancer, which connects to that IP, sees healthy targets," : ""} The container health check connects to localhost and finds nothing, so ECS stops the task as unhealthy.`,
      fix: `Set HOSTNAME=0.0.0.0 in the container's environment in the task definition${c?.name ? ` (container ${c.name})` : ""} and redeploy; or point the health check at the task's IP instead of localhost.`,
    }),
  ];
};

/** The app's AWS calls have no credentials or run as the execution role. */
const roleRule = (f: CrossFacts): Finding[] => {
  const td = f.taskDefinition;
  if (!td) return [];
  const exec = td.executionRoleArn;
  const taskRole = td.taskRoleArn;
  const noCreds = f.logs.filter((l) => NO_CREDENTIALS.test(l.message));
  const denied = f.logs.filter((l) => DENIED.test(l.message) && /assumed-role\//.test(l.message));
  const asExec = denied.filter((l) => exec && l.message.includes(`assumed-role/${roleName(exec)}/`));
  const asTask = denied.filter(
    (l) => taskRole && taskRole !== exec && l.message.includes(`assumed-role/${roleName(taskRole)}/`),
  );
  const tdEv: Evidence = {
    source: "task_definition",
    ref: td.taskDefinitionArn,
    text: `taskRoleArn ${taskRole ?? "not set"}; executionRoleArn ${exec ?? "not set"}`,
  };
  const need = (l: LogLine | undefined) => {
    const m = l ? DENIED.exec(l.message) : null;
    return m ? `${m[1]}${m[2] ? ` on ${m[2]}` : ""}` : "the permissions the app's AWS calls need";
  };
  const trust = "a role trusted by ecs-tasks.amazonaws.com";
  if (noCreds.length > 0 && !taskRole)
    return [
      finding({
        id: "task_role_missing",
        category: "permissions",
        title: "The task definition has no task role, so the app's AWS SDK finds no credentials",
        likelihood: 0.95,
        evidence: [...noCreds.slice(0, 2).map(logEv), tdEv],
        explanation: `Code in the container gets AWS credentials only from the task role (taskRoleArn); ${td.family ?? "this task definition"} sets none, so the SDK's credential chain ends empty. The execution role${exec ? ` ${exec}` : ""} is used only by ECS to pull the image, fetch secrets and ship logs, never by the app.`,
        fix: `Create ${trust} with the permissions the app needs, set it as taskRoleArn, register a new revision and redeploy. Do not add these permissions to the execution role: the app never uses it.`,
      }),
    ];
  if (asExec.length > 0 && (!taskRole || taskRole === exec))
    return [
      finding({
        id: "task_role_is_execution_role",
        category: "permissions",
        title: "The app's AWS calls run as the execution role, which lacks the permission",
        likelihood: 0.94,
        evidence: [...asExec.slice(0, 2).map(logEv), tdEv],
        explanation: `The AccessDenied in the app's log names ${roleName(exec)}, the execution role: ${taskRole ? "taskRoleArn is set to the same role" : "no separate task role is set"}, so the app runs with a role meant for ECS itself, and it lacks ${need(asExec[0])}.`,
        fix: `Create a dedicated task role (${trust}) allowing ${need(asExec[0])}, set it as taskRoleArn (keep ${exec} as executionRoleArn only), and redeploy.`,
      }),
    ];
  if (asTask.length > 0)
    return [
      finding({
        id: "task_role_lacks_permission",
        category: "permissions",
        title: `The task role ${roleName(taskRole)} lacks ${need(asTask[0]).split(" on ")[0]}`,
        likelihood: 0.9,
        evidence: [...asTask.slice(0, 2).map(logEv), tdEv],
        explanation: `The app's AWS call ran as its task role ${taskRole} and was denied ${need(asTask[0])}.`,
        fix: `Allow ${need(asTask[0])} in a policy on ${taskRole} (check resource policies and KMS key policies too).`,
      }),
    ];
  if (noCreds.length > 0)
    return [
      finding({
        id: "task_role_credentials_unavailable",
        category: "permissions",
        title: "The app's AWS SDK finds no credentials although a task role is set",
        likelihood: 0.75,
        evidence: [...noCreds.slice(0, 2).map(logEv), tdEv],
        explanation: `taskRoleArn is ${taskRole}, yet the SDK found no credentials: the process may not see AWS_CONTAINER_CREDENTIALS_RELATIVE_URI (an entrypoint that clears the environment, or a user switch), the SDK may be too old for container credentials, or (EC2) the agent has ECS_ENABLE_TASK_IAM_ROLE off.`,
        fix: "Keep AWS_CONTAINER_CREDENTIALS_RELATIVE_URI in the app's environment, upgrade the SDK, and on EC2 enable task IAM roles in the agent config.",
      }),
    ];
  return [];
};

/**
 * A container health check that fails while the load balancer reaches the app: the check command itself is wrong
 * (a tool missing from the image, another port or path). The finding names the command and what the targets show.
 */
const containerCheckRule = (found: Finding[], f: CrossFacts): Finding[] => {
  const i = found.findIndex((x) => x.id === "container_health_check_failed");
  const c = f.taskDefinition?.containerDefinitions?.find((x) => x.healthCheck?.command?.length);
  if (i < 0 || !c) return found;
  const cmd = (c.healthCheck?.command ?? []).filter((x) => x !== "CMD-SHELL" && x !== "CMD").join(" ");
  const exec = execFormMistake(c.healthCheck?.command ?? []);
  const lbHealthy = f.targets.length > 0 && f.targets.every((t) => t.TargetHealth?.State === "healthy");
  const tool = /\b(curl|wget)\b/.exec(cmd)?.[1];
  const out = [...found];
  const h = out[i]!;
  if (exec) {
    out[i] = {
      ...h,
      likelihood: 0.9,
      explanation: `The container health check of ${c.name} uses the exec form ["CMD", "${exec}"]: without a shell the whole string is taken as the name of one executable, so the shell syntax in it (spaces, ||, $VARS) is never interpreted and the check fails every time${lbHealthy ? ", although the load balancer's targets are healthy" : ""}.`,
      fix: `Use the shell form: "command": ["CMD-SHELL", "${exec}"] (or split the exec form into separate arguments without shell operators), register a new revision and redeploy.`,
    };
    return out;
  }
  out[i] = {
    ...h,
    likelihood: lbHealthy ? 0.86 : h.likelihood,
    explanation: `The container health check \`${cmd}\` (container ${c.name}, retries ${c.healthCheck?.retries ?? 3}, startPeriod ${c.healthCheck?.startPeriod ?? 0}s) keeps failing, so ECS stops the task${lbHealthy ? ". The load balancer's targets are healthy, so the app itself answers: the check command is what fails" : ""}${tool ? ` — ${tool} may be missing from the image (slim and distroless images ship without it), or it calls another port or path than the app serves` : ""}.`,
    fix: `Run \`${cmd}\` inside the image (ECS Exec or docker run) and fix what fails: install ${tool ?? "the tool it calls"} or use one the image has (e.g. a tiny script in the app's own runtime), match the app's port and path, and raise startPeriod if the app starts slowly.`,
  };
  return out;
};

/** The command string of an exec-form (["CMD", ...]) health check that needs a shell, else undefined. */
const execFormMistake = (command: readonly string[]): string | undefined => {
  if (command[0] !== "CMD") return undefined;
  const joined = command.slice(1).join(" ");
  return command.slice(1).some((x) => /\s|\|\||&&|\$\{?\w/.test(x)) ? joined : undefined;
};

/** Applies every cross-source rule to the findings so far. */
export const crossFindings = (found: readonly Finding[], f: CrossFacts): Finding[] => {
  const next = nextRule(f);
  const base = hostRule(dependencyRule(runtimeLimitRule(sidecarLogRule(found, f.logs), f), f.securityGroups), f);
  return [...(next.length > 0 ? base : containerCheckRule(base, f)), ...next, ...roleRule(f), ...slowStartRule(f)];
};
