// The container port a user would pick for an app, as the image proofs build and probe it.

/** 8080 when the app reads $PORT (Express Mode's default), else the port the code is fixed to. */
export const userPort = (d: { reads_port_env?: boolean; detected_port?: number }): number =>
  d.reads_port_env ? 8080 : (d.detected_port ?? 8080);
