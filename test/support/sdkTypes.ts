// The fake's operations typed by the SDK's own models (the same operation types as lib/aws/call.ts): operation names, input members and output members come from
// the installed @aws-sdk/client-* packages, so a test that answers with a misspelt member fails to type-check.
import type { InputOf, OperationOf, OutputOf } from "../../lib/aws/call.ts";
import type { ServiceName } from "../../lib/aws/services.ts";

/** The fake's service keys are the library's (lib/aws/services.ts), so both read the same SDK models. */
export type SdkService = ServiceName;
/** `DescribeServices` for the export `DescribeServicesCommand` (the SDK's operation names). */
export type OperationName<S extends SdkService> = OperationOf<S>;
/** The SDK's `<Op>CommandInput`. */
export type SdkInput<S extends SdkService, Op extends string> = InputOf<S, Op>;
/** The SDK's `<Op>CommandOutput` without `$metadata` (the fake adds the request id itself). */
export type SdkOutput<S extends SdkService, Op extends string> = Omit<OutputOf<S, Op>, "$metadata">;

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
