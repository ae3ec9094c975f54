// Picks the Dockerfile generator for the detected stack.
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
export const generateDockerfile = (input: GenerateInput): Proposal | undefined =>
  input.detection.stack === "unknown" ? undefined : GENERATORS[input.detection.stack](input);
