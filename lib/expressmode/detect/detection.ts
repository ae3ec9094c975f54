// The Detection type: what project analysis found (stack, framework, package manager, commands, port, evidence).
import type { NodeFacts } from "./node/nodeFacts.ts";

/** Stacks containerize_app recognises. */
export type Stack =
  | "node"
  | "python"
  | "go"
  | "java"
  | "ruby"
  | "dotnet"
  | "php"
  | "deno"
  | "elixir"
  | "static"
  | "unknown";

/** The analysis of one project; every field says what the code (not a guess) showed, `evidence` says where. */
export interface Detection {
  readonly stack: Stack;
  readonly framework?: string;
  readonly package_manager?: string;
  /** Major runtime version the project asks for (engines, .python-version, go.mod, pom.xml), if any. */
  readonly runtime_version?: string;
  /** Command that starts the app in the container (exec form). */
  readonly start_command: readonly string[];
  /** Build step, if the project has one (e.g. `npm run build`). */
  readonly build_command?: string;
  /** Port the code listens on by default, if found. */
  readonly detected_port?: number;
  readonly port_source?: string;
  /** Whether the code reads the PORT environment variable (then the container port can be set by ENV PORT). */
  readonly reads_port_env?: boolean;
  /** A health-check route found in the code, if any. */
  readonly health_check_path?: string;
  /** Main module/artifact (e.g. `app:app` for WSGI, the jar, the .csproj), stack-specific. */
  readonly entry?: string;
  /** What the folder leaves open (several lockfiles, several candidate apps) and which choice was made. */
  readonly ambiguous?: readonly string[];
  /** Stack-specific notes the Dockerfile generator turns into warnings (dev server in use, no lockfile). */
  readonly notes?: readonly string[];
  /** Where the runtime version came from (`.python-version`, `requires-python >=3.13`, default). */
  readonly runtime_source?: string;
  /** Package manager version or flavour, e.g. `4.5.3` (packageManager), `berry` / `classic` for Yarn. */
  readonly package_manager_version?: string;
  /** Monorepo: the chosen app's folder relative to the build context (the workspace root). */
  readonly app_dir?: string;
  /** Monorepo: the deployable apps found when none could be chosen (then no Dockerfile is proposed). */
  readonly candidates?: readonly string[];
  /** Node-specific build facts (package manager details, workspace members, standalone output). */
  readonly node?: NodeFacts;
  /** Set (with stack `unknown`) when the folder is a stack containerize_app does not support: no Dockerfile is guessed. */
  readonly unsupported?: { readonly language: string; readonly found: readonly string[]; readonly reason: string };
  readonly evidence: readonly string[];
}
