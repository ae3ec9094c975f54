// The containerizeAppTool declaration (one tool, one file; lib/expressmode/tools/index.ts lists it).
import { ok } from "neverthrow";
import { defineTool } from "../../defineTool.ts";
import { importLazily } from "../../util/importLazily.ts";
import { CONTAINERIZE_IAM } from "../iamActions.ts";
import { ContainerizeAppOutput } from "../outputs.ts";
import { ContainerizeAppInput } from "../schemas.ts";

/** `containerize_app`: read-only analysis; writing the files is opt-in and then needs allowWrite. */
export const containerizeAppTool = defineTool({
  name: "containerize_app",
  title: "Containerize an application",
  description: `Analyse an application folder (read-only) and propose a Dockerfile and .dockerignore for it.
Detects the stack (Node npm/yarn/pnpm with Express/Next.js/NestJS/Fastify, Python pip/poetry/uv with Flask/FastAPI/Django, Go, Java Maven/Gradle/Spring Boot, Ruby Rails/Sinatra, .NET, PHP, static sites), the start command, build step, the port the code listens on (warns when it differs from port) and health routes.
Returns container_port, base_image, guidance (reference fields), plus detection, dockerfile {content, reasons}, dockerignore and warnings.
write: true writes the files (needs policy.allowWrite); existing files are kept unless overwrite: true.`,
  input: ContainerizeAppInput,
  output: ContainerizeAppOutput,
  access: {
    upTo: "write",
    of: (i) => ok({ name: "containerize_app", access: i.write ? "write" : "read", sensitive: false }),
  },
  dryRun: true,
  idempotent: true,
  localOnly: true,
  iamActions: CONTAINERIZE_IAM,
  run: (i, ctx) =>
    importLazily(() => import("../containerize/containerizeApp.ts")).andThen((m) => m.containerizeApp(i, ctx)),
});
