// Output schemas and the interfaces of the code that builds the results name the same fields (a type test: tsc fails on drift).
import { expect, test } from "bun:test";
import type * as v from "valibot";
import type { BuildAndPushResult } from "./expressmode/build/buildAndPushImage.ts";
import type { DeleteAppResult } from "./expressmode/delete/deleteApp.ts";
import type {
  BuildAndPushOutput,
  DeleteAppOutput,
  ValidatePrerequisitesOutput,
  WaitForServiceReadyOutput,
} from "./expressmode/outputs.ts";
import type { PrerequisitesResult } from "./expressmode/prereq/validatePrerequisites.ts";
import type { WaitForServiceResult } from "./expressmode/service/waitForServiceReady.ts";
import type { CallStats } from "./troubleshoot/callCounter.ts";
import type { ImagePullReport } from "./troubleshoot/detectImagePullFailures.ts";
import type { Diagnosis } from "./troubleshoot/diagnose.ts";
import type { CloudformationStatus } from "./troubleshoot/fetchCloudformationStatus.ts";
import type { NetworkConfiguration } from "./troubleshoot/fetchNetworkConfiguration.ts";
import type { ServiceEvents } from "./troubleshoot/fetchServiceEvents.ts";
import type { TaskFailures } from "./troubleshoot/fetchTaskFailures.ts";
import type { TaskLogs } from "./troubleshoot/fetchTaskLogs.ts";
import type { TroubleshootingGuidance } from "./troubleshoot/getEcsTroubleshootingGuidance.ts";
import type { ServiceMetricsReport } from "./troubleshoot/metrics/fetchServiceMetrics.ts";
import type {
  CloudformationStatusOutput,
  DiagnosisOutput,
  GuidanceOutput,
  ImagePullOutput,
  NetworkConfigurationOutput,
  ServiceEventsOutput,
  ServiceMetricsOutput,
  TaskFailuresOutput,
  TaskLogsOutput,
} from "./troubleshoot/outputs.ts";

type Out<S extends v.GenericSchema> = v.InferOutput<S>;
type Branch<U, K extends PropertyKey> = Extract<U, Record<K, unknown>>;
/** `true` when both name the same keys and the interface's value fits the schema's type. */
type Same<I, O> = [Exclude<keyof I, keyof O>, Exclude<keyof O, keyof I>] extends [never, never]
  ? I extends O
    ? true
    : false
  : false;

// Each line fails to type-check when a field is added to, removed from or retyped in one side only.
const checks: true[] = [
  true satisfies Same<BuildAndPushResult, Branch<Out<typeof BuildAndPushOutput>, "repository_uri">>,
  true satisfies Same<PrerequisitesResult, Out<typeof ValidatePrerequisitesOutput>>,
  true satisfies Same<WaitForServiceResult, Out<typeof WaitForServiceReadyOutput>>,
  true satisfies Same<DeleteAppResult, Branch<Out<typeof DeleteAppOutput>, "summary">>,
  true satisfies Same<Diagnosis, Out<typeof DiagnosisOutput>>,
  true satisfies Same<TaskLogs, Out<typeof TaskLogsOutput>>,
  true satisfies Same<ServiceEvents, Out<typeof ServiceEventsOutput>>,
  true satisfies Same<TaskFailures, Out<typeof TaskFailuresOutput>>,
  true satisfies Same<CloudformationStatus, Out<typeof CloudformationStatusOutput>>,
  true satisfies Same<NetworkConfiguration, Out<typeof NetworkConfigurationOutput>>,
  true satisfies Same<ImagePullReport, Out<typeof ImagePullOutput>>,
  true satisfies Same<TroubleshootingGuidance, Out<typeof GuidanceOutput>>,
  true satisfies Same<ServiceMetricsReport, Out<typeof ServiceMetricsOutput>>,
];
type _Used = CallStats;

test("output schemas and result interfaces agree (checked by tsc)", () => {
  expect(checks.every(Boolean)).toBe(true);
});
