// A tool's `run` whose module is imported on the first call (see importLazily).
import type { ResultAsync } from "neverthrow";
import type { EcsError } from "../errors.ts";
import { importLazily } from "./importLazily.ts";

/** `run: runLazily(() => import("../x.ts").then((m) => m.x))`: start-up and tools/list never load the handler. */
export const runLazily =
  <A extends unknown[], O>(load: () => Promise<(...args: A) => ResultAsync<O, EcsError>>) =>
  (...args: A): ResultAsync<O, EcsError> =>
    importLazily(load).andThen((run) => run(...args));
