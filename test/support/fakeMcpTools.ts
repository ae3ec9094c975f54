// Tool fixtures for the fake remote MCP servers: the AWS Knowledge tools and a few hosted ECS MCP tools.
import type { FakeRemoteTool } from "./fakeMcpRemote.ts";

const text = (t: string) => ({ content: [{ type: "text" as const, text: t }] });

/** The remote AWS Knowledge tools (names and parameters as the real server lists them), plus one we do not proxy. */
export const KNOWLEDGE_TOOLS_FIXTURE = (): FakeRemoteTool[] => [
  {
    name: "aws___search_documentation",
    description: "Search AWS documentation (remote fixture).",
    inputSchema: {
      type: "object",
      properties: {
        search_phrase: { type: "string", description: "Search phrase" },
        limit: { type: "integer", default: 5 },
        topics: { type: "array", items: { type: "string" } },
      },
      required: ["search_phrase"],
    },
    annotations: { readOnlyHint: true },
    handler: (a) => {
      const results = Array.from({ length: Math.min(Number(a.limit ?? 5), 3) }, (_, i) => ({
        rank_order: i + 1,
        url: `https://docs.aws.amazon.com/AmazonECS/latest/developerguide/express-${i + 1}.html`,
        title: `Result ${i + 1} for ${String(a.search_phrase)}`,
        context: "Amazon ECS Express Mode creates the service, load balancer and HTTPS endpoint.",
      }));
      return { ...text(JSON.stringify({ results })), structuredContent: { results } };
    },
  },
  {
    name: "aws___read_documentation",
    description: "Read an AWS documentation page as markdown (remote fixture).",
    inputSchema: {
      type: "object",
      properties: {
        url: { type: "string" },
        max_length: { type: "integer", default: 10000 },
        start_index: { type: "integer", default: 0 },
      },
      required: ["url"],
    },
    annotations: { readOnlyHint: true },
    handler: (a) => {
      const page = `# Page ${String(a.url)}\n\nExpress Mode services get an HTTPS URL like https://<name>.ecs.us-east-1.on.aws.\n`;
      const start = Number(a.start_index ?? 0);
      return text(page.slice(start, start + Number(a.max_length ?? 10_000)));
    },
  },
  {
    name: "aws___recommend",
    description: "Recommend related pages (remote fixture).",
    inputSchema: { type: "object", properties: { url: { type: "string" } }, required: ["url"] },
    annotations: { readOnlyHint: true },
    handler: (a) => text(JSON.stringify([{ url: `${String(a.url)}#new`, title: "New: ECS Managed Instances" }])),
  },
  {
    name: "aws___list_regions",
    description: "Not proxied by ecs-assistant.",
    inputSchema: { type: "object", properties: {} },
    handler: () => text("[]"),
  },
];

/** A small subset of the AWS-managed ECS MCP server's tools: one read-only, one write. */
export const HOSTED_TOOLS_FIXTURE = (): FakeRemoteTool[] => [
  {
    name: "get_deployment_status",
    description: "Status of the latest deployment of an ECS service.",
    inputSchema: {
      type: "object",
      properties: { cluster_name: { type: "string" }, service_name: { type: "string" } },
      required: ["cluster_name", "service_name"],
    },
    annotations: { readOnlyHint: true },
    handler: (a) =>
      text(JSON.stringify({ cluster: a.cluster_name, service: a.service_name, rollout_state: "COMPLETED" })),
  },
  {
    name: "update_service_desired_count",
    description: "Change the desired task count of a service.",
    inputSchema: {
      type: "object",
      properties: {
        cluster_name: { type: "string" },
        service_name: { type: "string" },
        desired_count: { type: "integer" },
      },
      required: ["cluster_name", "service_name", "desired_count"],
    },
    annotations: { readOnlyHint: false, destructiveHint: false },
    handler: (a) => text(JSON.stringify({ updated: true, desired_count: a.desired_count })),
  },
];
