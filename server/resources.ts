// Read-only MCP resources: the Express Mode workflow guide, the ecs_resource_management catalogue, IAM policies per level.
import { ProtocolError, ProtocolErrorCode, type Server } from "@modelcontextprotocol/server";
import { ALL_TOOLS, CATALOGUE, type IamLevel, iamPolicyFor } from "../lib/index.ts";
import { EXPRESS_GUIDE } from "./expressGuide.ts";

/** One resource: metadata for resources/list and a function producing its text. */
export interface ResourceDef {
  readonly uri: string;
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly mimeType: string;
  readonly text: () => string;
}

/** The IAM policy document for a policy level, from the tools' declared IAM actions. */
export const iamPolicy = (level: IamLevel): Record<string, unknown> => iamPolicyFor(ALL_TOOLS, level);

const catalogue = () =>
  JSON.stringify(
    {
      tool: "ecs_resource_management",
      note: "access: read runs always; write and destructive need ALLOW_WRITE=true; sensitive results are redacted unless ALLOW_SENSITIVE_DATA=true; agent_only operations run only when listed with --allow.",
      operations: CATALOGUE.map((e) => ({
        name: e.name,
        service: e.service,
        access: e.access,
        sensitive: e.sensitive,
        ...(e.agentOnly ? { agent_only: true } : {}),
        ...(e.paginate ? { paginated: true } : {}),
        summary: e.summary,
      })),
    },
    null,
    2,
  );

const LEVELS = {
  "read-only":
    "Read-only (the default policy): describe and list ECS/ECR, stacks, load balancers; results with secrets are redacted.",
  "troubleshooting-sensitive":
    "Troubleshooting with sensitive data (ALLOW_SENSITIVE_DATA=true): read-only plus CloudWatch Logs and VPC network details.",
  deploy:
    "Deploy (ALLOW_WRITE=true, ALLOW_SENSITIVE_DATA=true): everything above plus ECR push, the ECR CloudFormation stack, Express Mode services and iam:PassRole for the ECS roles.",
} as const;

/** All resources the server offers. */
export const RESOURCES: readonly ResourceDef[] = [
  {
    uri: "ecs-assistant://guides/express-mode-workflow",
    name: "express-mode-workflow",
    title: "Express Mode workflow guide",
    description:
      "From source folder to a public HTTPS service: the tools in order, parameters, roles, cleanup and pitfalls.",
    mimeType: "text/markdown",
    text: () => EXPRESS_GUIDE,
  },
  {
    uri: "ecs-assistant://catalogue/ecs_resource_management",
    name: "ecs-resource-management-operations",
    title: "ecs_resource_management operations",
    description:
      "Every operation the ecs_resource_management tool accepts, with its access class (read/write/destructive) and whether it is sensitive.",
    mimeType: "application/json",
    text: catalogue,
  },
  ...(Object.entries(LEVELS) as [keyof typeof LEVELS, string][]).map(([level, description]) => ({
    uri: `ecs-assistant://iam/${level}.json`,
    name: `iam-policy-${level}`,
    title: `IAM policy: ${level}`,
    description: `${description} Attach to the identity the server runs as; Resource "*" should be narrowed to your resources.`,
    mimeType: "application/json",
    text: () => JSON.stringify(iamPolicy(level), null, 2),
  })),
];

/** Installs resources/list and resources/read (the caller declares the `resources` capability). */
export const installResources = (server: Server, resources: readonly ResourceDef[] = RESOURCES): void => {
  server.setRequestHandler("resources/list", async () => ({
    resources: resources.map(({ text: _t, ...meta }) => meta),
  }));
  server.setRequestHandler("resources/read", async (req) => {
    const r = resources.find((x) => x.uri === req.params.uri);
    if (!r)
      throw new ProtocolError(
        ProtocolErrorCode.InvalidParams,
        `Unknown resource ${req.params.uri}. Resources: ${resources.map((x) => x.uri).join(", ")}`,
      );
    return { contents: [{ uri: r.uri, mimeType: r.mimeType, text: r.text() }] };
  });
};
