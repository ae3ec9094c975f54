// recordOf: an open object field typed by the interface of the code that builds it; JSON Schema: any object (a record).
import * as v from "valibot";

/**
 * A nested result object with many optional facts (a Detection, a guidance block, a diagnosis): checked to be a record,
 * typed as `T` for library callers, listed in JSON Schema as an object with any properties.
 */
export const recordOf = <T extends object>() =>
  v.pipe(
    v.record(v.string(), v.unknown()),
    v.transform((x) => x as unknown as T),
  );
