// The library version (kept equal to package.json by a test) and the build commit injected by the compile script.
declare const ECS_ASSISTANT_COMMIT: string | undefined;

/** Semantic version of ecs-assistant. */
export const VERSION = "0.1.0";

/** Git commit the binary was built from, when built by scripts/compile.ts; "dev" otherwise. */
export const COMMIT: string = typeof ECS_ASSISTANT_COMMIT === "string" ? ECS_ASSISTANT_COMMIT : "dev";
