// The fake's operations typed by the SDK's own models: operation names, input members and output members come from
// the installed @aws-sdk/client-* packages, so a test that answers with a misspelt member fails to type-check.
import type { Handler } from "@smithy/types";

/** The SDK package of each fake service key (the same keys as lib/aws/services.ts). */
export interface SdkModules {
  ecs: typeof import("@aws-sdk/client-ecs");
  ecr: typeof import("@aws-sdk/client-ecr");
  logs: typeof import("@aws-sdk/client-cloudwatch-logs");
  cloudformation: typeof import("@aws-sdk/client-cloudformation");
  iam: typeof import("@aws-sdk/client-iam");
  elbv2: typeof import("@aws-sdk/client-elastic-load-balancing-v2");
  ec2: typeof import("@aws-sdk/client-ec2");
  sts: typeof import("@aws-sdk/client-sts");
  cloudwatch: typeof import("@aws-sdk/client-cloudwatch");
}

type Instance<C> = C extends abstract new (...args: never[]) => infer R ? R : never;

/** `DescribeServices` for the export `DescribeServicesCommand` (the SDK's operation names). */
export type OperationName<S extends keyof SdkModules> = {
  [K in keyof SdkModules[S]]: K extends `${infer Op}Command` ? (Op extends "" | "$" ? never : Op) : never;
}[keyof SdkModules[S]];

type CommandOf<S extends keyof SdkModules, Op extends string> = Instance<
  SdkModules[S][`${Op}Command` & keyof SdkModules[S]]
>;

/** The SDK's `<Op>CommandInput`. */
export type SdkInput<S extends keyof SdkModules, Op extends string> =
  CommandOf<S, Op> extends { readonly input: infer I } ? I : never;

/** The SDK's `<Op>CommandOutput` without `$metadata` (the fake adds the request id itself). */
export type SdkOutput<S extends keyof SdkModules, Op extends string> =
  CommandOf<S, Op> extends {
    resolveMiddleware(...args: never[]): Handler<never, infer O>;
  }
    ? Omit<O, "$metadata">
    : never;

/**
 * What a test may answer with: the SDK's members (misspelt ones are errors), every member optional, timestamps as
 * Date, ISO text or epoch seconds, and enum members as plain strings (fixtures come from JSON).
 */
export type Loose<T> = T extends Date
  ? Date | string | number
  : T extends string
    ? string
    : T extends number | boolean | bigint | Uint8Array
      ? T
      : T extends readonly (infer E)[]
        ? readonly Loose<E>[]
        : T extends object
          ? { [K in keyof T]?: Loose<T[K]> | undefined }
          : T;

/** An input as a JSON-protocol service decodes it: the SDK's members with their optionality, timestamps as epoch seconds. */
export type LooseIn<T> = T extends Date
  ? number | string
  : T extends string
    ? string
    : T extends number | boolean | bigint | Uint8Array
      ? T
      : T extends readonly (infer E)[]
        ? LooseIn<E>[]
        : T extends object
          ? { [K in keyof T]: LooseIn<T[K]> }
          : T;
