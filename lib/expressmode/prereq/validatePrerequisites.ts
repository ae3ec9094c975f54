// validate_ecs_express_mode_prerequisites: both roles (existence, trust, managed policy) and the image, checked in parallel.
import { okAsync, ResultAsync } from "neverthrow";
import type { EcsError } from "../../errors.ts";
import type { ToolContext } from "../../tool.ts";
import type { ValidatePrerequisitesInput } from "../schemas.ts";
import { checkImage, type ImageCheck } from "./checkImage.ts";
import { checkRole, type RoleCheck } from "./checkRole.ts";
import { checkSecretAccess } from "./checkSecretAccess.ts";
import {
  DEFAULT_EXECUTION_ROLE,
  DEFAULT_INFRASTRUCTURE_ROLE,
  EXECUTION_ROLE,
  INFRASTRUCTURE_ROLE,
} from "./roleSpecs.ts";

/** The reference's result shape; `errors` and `warnings` carry the fix, `details` the per-check objects. */
export interface PrerequisitesResult {
  readonly valid: boolean;
  readonly errors: string[];
  readonly warnings: string[];
  readonly details: { execution_role: RoleCheck; infrastructure_role: RoleCheck; image: ImageCheck };
}

const withFix = (error: string | undefined, fix: string | string[] | undefined): string =>
  `${error ?? "invalid"}${fix?.length ? ` Fix: ${[fix].flat().join(" && ")}` : ""}`;

/**
 * Checks everything CreateExpressGatewayService needs before it is called, so a deployment does not fail
 * minutes later on a missing role or image. All checks start at once (one round trip deep).
 */
export const validatePrerequisites = (
  input: ValidatePrerequisitesInput,
  ctx: ToolContext,
  /** `secrets` (deploy_app's, name → ARN): also check the execution role may read them, once it is known. */
  options: { treatImageAsEcr?: boolean; secrets?: Readonly<Record<string, string>> } = {},
): ResultAsync<PrerequisitesResult, EcsError> => {
  // Default roles are checked by name: GetRole returns their ARN, so no STS call has to come first.
  const roles = ResultAsync.combine([
    checkRole(ctx, input.execution_role_arn || DEFAULT_EXECUTION_ROLE, EXECUTION_ROLE),
    checkRole(ctx, input.infrastructure_role_arn || DEFAULT_INFRASTRUCTURE_ROLE, INFRASTRUCTURE_ROLE),
  ] as const);
  return ResultAsync.combine([roles, checkImage(ctx, input.image_uri, options.treatImageAsEcr)] as const)
    .map(([[execution_role, infrastructure_role], image]) => {
      const errors: string[] = [];
      const warnings: string[] = [];
      for (const r of [execution_role, infrastructure_role]) {
        if (r.status !== "valid") errors.push(withFix(r.error, r.fix));
        warnings.push(...(r.warnings ?? []));
      }
      if (image.status === "not_verifiable") warnings.push(image.message ?? "image not verifiable");
      else if (image.status !== "exists" && image.status !== "public") errors.push(withFix(image.error, image.fix));
      return { valid: errors.length === 0, errors, warnings, details: { execution_role, infrastructure_role, image } };
    })
    .andThen((r) => {
      const role = r.details.execution_role;
      if (!options.secrets || Object.keys(options.secrets).length === 0 || role.status !== "valid" || !role.arn)
        return okAsync(r);
      return checkSecretAccess(ctx, role.arn, options.secrets).map((s) => ({
        ...r,
        valid: r.valid && s.errors.length === 0,
        errors: [...r.errors, ...s.errors],
        warnings: [...r.warnings, ...s.warnings],
      }));
    });
};
