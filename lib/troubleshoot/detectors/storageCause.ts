// "no space left on device" while pulling or starting a container: the task's storage is full, which is the
// ephemeral storage on Fargate and the container instance's Docker volume on EC2 capacity.
// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-storage.html
// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/automated_image_cleanup.html
import type { FailureContext } from "./failureContext.ts";
import type { ParsedFailure } from "./parseFailure.ts";
import type { TextCause } from "./pullErrors.ts";

/** Disk full at image pull or container start; the fix depends on where the task runs. */
export const storageCause = (p: ParsedFailure, c: FailureContext, launchType?: string): TextCause => {
  const td = c.taskDefinition;
  const ec2 =
    launchType === "EC2" ||
    c.path?.onEc2 === true ||
    (launchType === undefined &&
      td?.requiresCompatibilities?.includes("EC2") &&
      !td.requiresCompatibilities.includes("FARGATE"));
  const size = td?.ephemeralStorage?.sizeInGiB ?? 20;
  const step = p.stage === "image_pull" ? "pulling the image" : "starting the container";
  const ran =
    p.stage === "unknown" ? `The app's own writes filled the disk while it ran ("${p.causeText ?? p.raw}")` : "";
  return {
    id: "task_storage_full",
    category: "task",
    title: ec2
      ? "The container instance ran out of disk space (no space left on device)"
      : `The task's ephemeral storage (${size} GiB) is full (no space left on device)`,
    likelihood: 0.93,
    explanation: ec2
      ? `${ran ? `${ran}: the container instance's Docker storage is full.` : `ECS failed ${step} because the container instance's Docker storage is full: "${p.causeText ?? p.raw}".`} Old images, stopped containers and container logs accumulate on the instance volume.`
      : `${ran ? `${ran}: the task's ephemeral storage is full` : `Fargate failed ${step} because the task's ephemeral storage is full`}: the image (unpacked) plus what the containers write must fit in ${size} GiB${td?.ephemeralStorage ? "" : " (the default; the task definition sets no ephemeralStorage)"}.`,
    fix: ec2
      ? "Free or grow the container instance's Docker volume: let the agent clean up sooner (ECS_IMAGE_CLEANUP_INTERVAL, ECS_IMAGE_MINIMUM_CLEANUP_AGE, ECS_ENGINE_TASK_CLEANUP_WAIT_DURATION in /etc/ecs/ecs.config), rotate container logs, or launch instances with a larger root/data volume; then redeploy."
      : `Raise ephemeralStorage.sizeInGiB in the task definition (up to 200 GiB, currently ${size}), or shrink the image (multi-stage build, fewer layers) and write large files to EFS or S3 instead of the container filesystem.`,
  };
};
