// The self-deploy template's task-role policies, generated from the tools' declared IAM actions.
//   bun scripts/selfDeployPolicy.ts                  print the task-role policy (read-only)
//   bun scripts/selfDeployPolicy.ts --allow-write    print it with write actions (and sensitive reads)
//   bun scripts/selfDeployPolicy.ts --write          regenerate the block in deploy/cloudformation/ecs-mcp-server.yaml
//   bun scripts/selfDeployPolicy.ts --check          exit 1 when the template's block differs from the generated one
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ALL_TOOLS, iamPolicyFor } from "../lib/index.ts";
import { taskRolePolicies } from "./taskRolePolicies.ts";

export const TEMPLATE = join(import.meta.dir, "..", "deploy", "cloudformation", "ecs-mcp-server.yaml");
const BEGIN = "# BEGIN generated task-role policies (bun scripts/selfDeployPolicy.ts --write)";
const END = "# END generated task-role policies";
const INDENT = "        ";

/** The template's `Policies:` items, generated (JSON is YAML: each document is a flow mapping). */
const block = (): string => {
  const lines = [`${INDENT}${BEGIN}`];
  for (const p of taskRolePolicies()) {
    const doc = JSON.stringify(p.document, null, 2).replaceAll("\n", `\n${INDENT}      `);
    const name = `PolicyName: ${p.name}`;
    const body = `PolicyDocument: ${doc}`;
    if (!p.condition) lines.push(`${INDENT}- ${name}`, `${INDENT}  ${body}`);
    else
      lines.push(
        `${INDENT}- Fn::If:`,
        `${INDENT}    - ${p.condition}`,
        `${INDENT}    - ${name}`,
        `${INDENT}      ${body.replaceAll(`\n${INDENT}      `, `\n${INDENT}        `)}`,
        `${INDENT}    - Ref: AWS::NoValue`,
      );
  }
  lines.push(`${INDENT}${END}`);
  return lines.join("\n");
};

/** The task role's `Policies` as the template declares them (parsed: formatting does not matter). */
export const declaredPolicies = (text: string): unknown =>
  (Bun.YAML.parse(text) as { Resources: { TaskRole: { Properties: { Policies: unknown } } } }).Resources.TaskRole
    .Properties.Policies;

/** The template text with its generated block replaced by the current one. */
export const regenerated = (text: string): string => {
  const start = text.indexOf(`${INDENT}${BEGIN}`);
  const end = text.indexOf(END);
  if (start < 0 || end < 0) throw new Error(`${TEMPLATE}: the BEGIN/END generated-policy markers are missing`);
  return text.slice(0, start) + block() + text.slice(end + END.length);
};

if (import.meta.main) {
  const args = process.argv.slice(2);
  const text = readFileSync(TEMPLATE, "utf8");
  if (args.includes("--write")) {
    writeFileSync(TEMPLATE, regenerated(text));
    spawnSync(join(import.meta.dir, "..", "node_modules", ".bin", "biome"), ["format", "--write", TEMPLATE]);
  } else if (args.includes("--check")) {
    if (!Bun.deepEquals(declaredPolicies(regenerated(text)), declaredPolicies(text))) {
      console.error(`${TEMPLATE}: task-role policies drifted from the tool catalogue; run --write`);
      process.exit(1);
    }
  } else {
    const level = args.includes("--allow-write")
      ? "deploy"
      : args.includes("--allow-sensitive-data")
        ? "troubleshooting-sensitive"
        : "read-only";
    console.log(JSON.stringify(iamPolicyFor(ALL_TOOLS, level), null, 2));
  }
}
