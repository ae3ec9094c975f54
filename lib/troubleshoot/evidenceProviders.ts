// Extra evidence sources for diagnose (e.g. CloudWatch metrics): each starts in round 2, in parallel with tasks and
// task definitions, ends by round 3 (at most two rounds of AWS calls of its own), and turns what it got into findings.
import type { Service } from "@aws-sdk/client-ecs";
import type { ResultAsync } from "neverthrow";
import type { EcsError } from "../errors.ts";
import type { ToolContext } from "../tool.ts";
import type { Finding } from "./finding.ts";
import type { ServiceFacts } from "./gatherService.ts";
import { metricsProvider } from "./metrics/metricsProvider.ts";
import type { ServiceTarget } from "./resolveService.ts";
import type { TimeWindow } from "./timeWindow.ts";

/** What a provider gets to decide its calls: the resolved target, the service (round 1) and the window. */
export interface ProviderInput {
  readonly target: ServiceTarget;
  readonly service?: Service;
  readonly window: TimeWindow;
}

/** One extra source of evidence. Its result is in `ServiceFacts.extra[name]` and its check in `Diagnosis.checks`. */
export interface EvidenceProvider<T = unknown> {
  /** Check name, e.g. `metrics`. */
  readonly name: string;
  /** Undefined to skip (e.g. nothing to ask for this service). A failure fails only this check. */
  readonly gather: (ctx: ToolContext, input: ProviderInput) => ResultAsync<T, EcsError> | undefined;
  /** Findings from the gathered value, with every other fact at hand. */
  readonly findings: (value: T, facts: ServiceFacts, window: TimeWindow) => Finding[];
}

/** Providers diagnose runs by default; add new sources here. */
export const defaultEvidenceProviders: readonly EvidenceProvider[] = [metricsProvider as EvidenceProvider];
