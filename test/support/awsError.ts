// An error a fake handler throws to answer with a modelled AWS error instead of a result.
import type { WireError } from "./types.ts";

/** Thrown by handlers; the fake encodes it in the service's protocol (JSON `__type`, query/EC2 `<Code>`). */
export class FakeAwsError extends Error implements WireError {
  override readonly name = "FakeAwsError";
  constructor(
    readonly code: string,
    message: string,
    readonly status: number = defaultStatus(code),
  ) {
    super(message);
  }
}

/** Lets a handler fail conditionally: `throw awsError("ClusterNotFoundException", "Cluster not found.")`. */
export const awsError = (code: string, message = `${code} (fake)`, status?: number): FakeAwsError =>
  new FakeAwsError(code, message, status);

const SERVER_CODES = new Set(["InternalFailure", "InternalError", "InternalServerError", "ServerException"]);
const UNAVAILABLE_CODES = new Set(["ServiceUnavailable", "ServiceUnavailableException", "Unavailable"]);

/** AWS answers client faults (throttling included) with 400; server-side codes with 500/503. */
export const defaultStatus = (code: string): number => {
  if (SERVER_CODES.has(code)) return 500;
  if (UNAVAILABLE_CODES.has(code)) return 503;
  return 400;
};
