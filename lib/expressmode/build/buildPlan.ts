// The dry-run plan of build_and_push_image_to_ecr: the AWS calls with parameters, the template, the container commands.
import type { ToolContext } from "../../tool.ts";
import { namesFor } from "../appName.ts";
import { ECR_TEMPLATE } from "../ecrTemplate.ts";
import { buildArgs, loginArgs, pushArgs } from "../runtime/containerCommands.ts";
import { ecrStackParams } from "../stack/ensureEcrStack.ts";
import { buildContextOf } from "./buildContext.ts";

/**
 * What a real run would do, in order; the ECR password is shown as a placeholder (it goes to stdin). The build runs
 * where a real run's would: the workspace root a monorepo Dockerfile's build-context line names (`dockerfile` is the
 * content of a Dockerfile a dry run would write first; without it the one in appPath is read).
 */
export const buildPlan = (
  ctx: ToolContext,
  app: string,
  appPath: string,
  tag: string,
  platform: string,
  dockerfileContent?: string,
) => {
  const names = namesFor(app);
  const { context, dockerfile } = buildContextOf(appPath, dockerfileContent);
  const runtime = ctx.express?.container?.runtime ?? "<docker|finch|podman: first that answers `version`>";
  const repo = "<ECRRepositoryURI output of the stack>";
  const { TemplateBody: _body, ...stackParams } = ecrStackParams(app);
  return {
    dry_run: true,
    stack_name: names.stack,
    repository_name: names.repository,
    role_name: names.role,
    image_tag: tag,
    platform,
    app_path: appPath,
    plan: [
      { step: "stack", call: "cloudformation:CreateStack (or UpdateStack when it exists)", params: stackParams },
      { step: "stack_wait", call: "cloudformation:DescribeStacks (poll until CREATE_COMPLETE/UPDATE_COMPLETE)" },
      {
        step: "tag_check",
        call: "ecr:DescribeImages",
        params: { repositoryName: names.repository, imageIds: [{ imageTag: tag }] },
      },
      { step: "auth", call: "ecr:GetAuthorizationToken", params: {} },
      {
        step: "login",
        command: [runtime, ...loginArgs("<registry host of the repository URI>")],
        stdin: "[REDACTED ECR PASSWORD]",
      },
      { step: "build", command: [runtime, ...buildArgs(`${repo}:${tag}`, platform, context, dockerfile)] },
      {
        step: "push",
        command: [
          runtime,
          ...pushArgs(
            runtime === "podman" ? "podman" : "docker",
            `${repo}:${tag}`,
            runtime === "podman" ? "<tmp>/digest" : undefined,
          ),
        ],
      },
      {
        step: "verify",
        call: "ecr:DescribeImages",
        params: { repositoryName: names.repository, imageIds: [{ imageTag: tag }] },
      },
    ],
    cloudformation_template: ECR_TEMPLATE,
  };
};
