// The validatePrerequisitesTool declaration (one tool, one file; lib/expressmode/tools/index.ts lists it).
import { defineTool } from "../../defineTool.ts";
import { runLazily } from "../../util/runLazily.ts";
import { PREREQ_IAM } from "../iamActions.ts";
import { ValidatePrerequisitesOutput } from "../outputs.ts";
import { ValidatePrerequisitesInput } from "../schemas.ts";

/** `validate_ecs_express_mode_prerequisites`. */
export const validatePrerequisitesTool = defineTool({
  name: "validate_ecs_express_mode_prerequisites",
  title: "Validate Express Mode prerequisites",
  description: `Check what CreateExpressGatewayService needs: the task execution role (default ecsTaskExecutionRole: trusted by ecs-tasks.amazonaws.com, AmazonECSTaskExecutionRolePolicy attached), the infrastructure role (default ecsInfrastructureRoleForExpressServices: trusted by ecs.amazonaws.com, AmazonECSInfrastructureRoleforExpressGatewayServices attached) and the image (ECR by tag or digest). Checks run in parallel.
Returns valid, errors (each with the fix), warnings and details.`,
  input: ValidatePrerequisitesInput,
  output: ValidatePrerequisitesOutput,
  access: "read",
  iamActions: PREREQ_IAM,
  run: runLazily(() => import("../prereq/validatePrerequisites.ts").then((m) => m.validatePrerequisites)),
});
