// The typed EcsAssistant methods, one per declared tool: names, inputs and results come from the declarations.
import type { ResultAsync } from "neverthrow";
import type * as v from "valibot";
import type { InvokeOptions } from "./assistant.ts";
import type { DeclaredCapabilities } from "./capabilities.ts";
import type { EcsError } from "./errors.ts";

type CamelCase<S extends string> = S extends `${infer H}_${infer T}` ? `${H}${Capitalize<CamelCase<T>>}` : S;
type DeclaredTool = DeclaredCapabilities[number]["tools"][number];
type MethodName<T> = T extends { readonly name: infer N extends string; readonly method?: infer M }
  ? [M] extends [string]
    ? [M] extends [never]
      ? CamelCase<N>
      : M
    : CamelCase<N>
  : never;

/** One method per tool: `deployApp(input)` for `deploy_app`; the result type is the tool's output schema. */
export type ToolMethods = {
  readonly [T in DeclaredTool as MethodName<T>]: (
    input: v.InferInput<T["input"]>,
    options?: InvokeOptions,
  ) => ResultAsync<v.InferOutput<T["output"]>, EcsError>;
};

/** The method name of a tool (the declared `method`, else the tool name in camelCase). */
export const methodNameOf = (t: { readonly name: string; readonly method?: string }): string =>
  t.method ?? t.name.replace(/_+([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
