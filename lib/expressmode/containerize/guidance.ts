// The guidance block of containerize_app (the reference's keys), pointing at the tools that really exist.
import { basename } from "node:path";

/** Guidance in the reference's structure: build/run commands per runtime, validation, troubleshooting, next steps. */
export const guidanceFor = (
  appPath: string,
  port: number,
  baseImage: string,
  healthPath: string,
  /** False when no Dockerfile was proposed (several apps, an unsupported or unrecognised stack): say so first. */
  proposed = true,
) => {
  const app = basename(appPath)
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, "-");
  const image = `${app}:<image_version>`;
  return {
    dockerfile_guidance: {
      description: proposed
        ? "Use the proposed Dockerfile (field `dockerfile`) or adapt it; the reasons explain each choice."
        : "No Dockerfile was proposed (see warnings); one written by hand should follow these practices.",
      base_image: baseImage,
      best_practices: [
        "Use multi-stage builds to keep the final image small",
        "Install production dependencies only",
        "Pin base image versions (tags, or digests for full reproducibility)",
        "Run as a non-root user",
        "Keep secrets out of the image: pass them as ECS secrets (Secrets Manager/SSM ARNs)",
        "Keep a .dockerignore so the build context stays small and free of credentials",
      ],
    },
    validation_guidance: {
      description: "Lint the Dockerfile before building",
      hadolint: {
        usage: ["hadolint Dockerfile"],
        common_rules: [
          "DL3006 pin image versions",
          "DL3008 pin apt versions",
          "DL3025 use JSON CMD",
          "DL3059 merge consecutive RUN",
        ],
      },
    },
    build_guidance: {
      description:
        "build_and_push_image_to_ecr builds and pushes for you (docker, finch or podman, detected); to build locally:",
      commands: {
        finch: `finch build --platform linux/amd64 -t ${image} .`,
        docker: `docker build --platform linux/amd64 -t ${image} .`,
        podman: `podman build --platform linux/amd64 -t ${image} .`,
      },
      architecture_guidance:
        "linux/amd64 is the default for ECS Express Mode tasks; build linux/arm64 only if the service uses ARM64 (Graviton).",
    },
    run_guidance: {
      description: "Run locally before deploying",
      commands: {
        finch: `finch run -p ${port}:${port} ${image}`,
        docker: `docker run -p ${port}:${port} ${image}`,
        podman: `podman run -p ${port}:${port} ${image}`,
      },
      accessing_app: { description: `Your application will be available at http://localhost:${port}` },
    },
    troubleshooting: {
      port_conflicts: { issue: `Port ${port} is already in use`, solution: `Map another host port: -p 8081:${port}` },
      build_failures: {
        issue: "The build fails",
        solutions: [
          "Read the failing step in the error's outputTail",
          "Check that the lockfile matches the manifest",
          "Check .dockerignore does not exclude needed files",
        ],
      },
      container_crashes: {
        issue: "The container exits",
        solutions: [
          "Check the logs (docker logs / ecs_troubleshooting_tool fetch_task_logs)",
          `Make sure the app listens on 0.0.0.0:${port}`,
        ],
      },
    },
    next_steps: {
      description: "From here to a running Express Mode service",
      steps: [
        ...(proposed
          ? [
              "Review the proposed Dockerfile and .dockerignore; write them (containerize_app with write: true) or adapt your own",
              "Optionally build and run locally (run_guidance)",
              `Make sure the app answers health checks on ${healthPath}`,
            ]
          : [
              "No Dockerfile was proposed: act on the warnings first (for a monorepo, call containerize_app again with app_path at one app)",
            ]),
        "build_and_push_image_to_ecr(app_name, app_path) → full_image_uri",
        "validate_ecs_express_mode_prerequisites(image_uri)",
        `deploy_app(app_name, app_path, port: ${port}) does all of this in one call, or CreateExpressGatewayService via ecs_resource_management`,
        "wait_for_service_ready(cluster, service_name) and open the returned URL",
      ],
    },
  };
};
