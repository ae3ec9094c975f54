// A module imported when first needed, as a ResultAsync: tool code stays off the start-up path (bench/ cold start).
import { ResultAsync } from "neverthrow";
import { type EcsError, internalError } from "../errors.ts";

/**
 * Imports a module on first use (the runtime caches it afterwards). Keeps each capability's handlers, their parsers
 * (smol-toml) and node:crypto off the start-up path of the server binary, where they cost ~4 MB RSS and their load
 * time (bench/coldStart.ts). A module that fails to load is an `internal` error, never a throw.
 */
export const importLazily = <M>(load: () => Promise<M>): ResultAsync<M, EcsError> =>
  ResultAsync.fromPromise(load(), (e) => internalError(e, "loading the tool's code"));
