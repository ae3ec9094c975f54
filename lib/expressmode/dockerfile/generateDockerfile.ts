// Picks the Dockerfile generator for the detected stack.
import { startPort } from "../detect/startPort.ts";
import { dockerfileDeno } from "./dockerfileDeno.ts";
import { dockerfileElixir } from "./dockerfileElixir.ts";
import { dockerfileNode } from "./dockerfileNode.ts";
import { dockerfileDotnet, dockerfileGo, dockerfileJava, dockerfilePhp, dockerfileRuby } from "./dockerfileOthers.ts";
import { dockerfilePython } from "./dockerfilePython.ts";
import { dockerfileStatic } from "./dockerfileStatic.ts";
import type { GenerateInput, Proposal } from "./proposal.ts";

const GENERATORS = {
  node: dockerfileNode,
  python: dockerfilePython,
  go: dockerfileGo,
  java: dockerfileJava,
  ruby: dockerfileRuby,
  dotnet: dockerfileDotnet,
  php: dockerfilePhp,
  deno: dockerfileDeno,
  elixir: dockerfileElixir,
  static: dockerfileStatic,
} as const;

/**
 * The proposal for the detected stack, or undefined for an unknown or unsupported stack (the caller then says what
 * was found and gives generic guidance instead of a Dockerfile it cannot stand behind).
 */
export const generateDockerfile = (input: GenerateInput): Proposal | undefined => {
  if (input.detection.stack === "unknown") return undefined;
  const proposal = GENERATORS[input.detection.stack](input);
  // `gunicorn --bind 0.0.0.0:5000` in a Procfile: the server listens there whatever container port was chosen.
  const fixed = startPort(input.detection.start_command);
  if (!proposal || fixed === undefined || fixed === input.port) return proposal;
  return {
    ...proposal,
    warnings: [
      ...proposal.warnings,
      `The start command fixes the port to ${fixed} but the container port is ${input.port}: the health check and the load balancer would find nothing there. Use port ${fixed}, or make the command take $PORT.`,
    ],
  };
};
