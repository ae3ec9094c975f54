// Before a classic service operation: is the target an Express Mode service (which only the Express API may change)?
import { err, ok, okAsync, type ResultAsync, safeTry } from "neverthrow";
import { expressManagedHint } from "../aws/expressManagedHint.ts";
import { type EcsError, ecsError } from "../errors.ts";
import type { ToolContext } from "../tool.ts";
import { clip } from "../util/clip.ts";
import { clusterOfService } from "../util/clusterOfService.ts";

/** Classic operations ECS refuses on a service whose resourceManagementType is ECS, with the member naming it. */
const CLASSIC: Record<string, string> = {
  DeleteService: "service",
  UpdateService: "service",
  CreateTaskSet: "service",
  UpdateTaskSet: "service",
  DeleteTaskSet: "service",
  UpdateServicePrimaryTaskSet: "service",
};

/**
 * An error when `operation` is a classic service operation aimed at an Express-managed service
 * (`resourceManagementType: "ECS"` in DescribeServices; shared case 11), so the call is neither confirmed nor sent.
 * Anything else, including a failed or empty DescribeServices, passes: AWS then answers for itself.
 */
export const expressManagedCheck = (
  operation: string,
  params: Record<string, unknown>,
  ctx: ToolContext,
): ResultAsync<void, EcsError> =>
  safeTry(async function* () {
    const member = CLASSIC[operation];
    const service = member ? params[member] : undefined;
    if (typeof service !== "string" || !service) return ok(undefined);
    // Without `cluster`, a long-format service ARN names the cluster; otherwise ECS assumes `default`.
    const { cluster, note } = clusterOfService(service, params.cluster);
    const s = yield* ctx
      .aws("ecs", "DescribeServices", { cluster, services: [service] })
      .map((o) => o.services?.find((x) => x.status !== "INACTIVE"))
      .orElse(() => okAsync(undefined));
    if (s?.resourceManagementType !== "ECS") return ok(undefined);
    return err(
      ecsError("validation", {
        message: `${s.serviceArn ?? clip(service, 300)} is an Express Mode service (resourceManagementType ECS): ${operation} is refused for it, so it was not sent.${note ? ` Note: ${note}.` : ""}`,
        hint: expressManagedHint(operation, s.serviceArn),
        issues: [
          {
            path: `api_params.${member}`,
            message: "is an Express Mode service",
            expected: "a service created with CreateService (resourceManagementType CUSTOMER)",
            got: s.serviceArn ?? clip(service, 300),
          },
        ],
      }),
    );
  });
