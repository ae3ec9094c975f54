// What to say about an 'exec format error': the task's own CPU architecture decides which build to ask for (an
// amd64 image on Graviton needs linux/arm64, an arm64 image from an Apple Silicon laptop on X86_64 needs linux/amd64).
// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-arm64.html
import type { TaskDefinition } from "@aws-sdk/client-ecs";

/** Explanation and fix for an image built for another CPU architecture than the task's. */
export const archAdvice = (td: TaskDefinition | undefined): { explanation: string; fix: string } => {
  const set = td?.runtimePlatform?.cpuArchitecture;
  const arch = set ?? "X86_64";
  const want = arch === "ARM64" ? "linux/arm64" : "linux/amd64";
  const other = arch === "ARM64" ? "X86_64" : "ARM64";
  return {
    explanation: `The task runs on ${arch} (runtimePlatform.cpuArchitecture ${set ? set : "not set, so X86_64"}), and the binary in the image was built for another architecture, so it cannot execute ('exec format error').`,
    fix: `Build and push the image for ${want} (docker buildx build --platform ${want} --push ...), or a multi-arch image (--platform linux/amd64,linux/arm64); or, if the image must stay ${other === "ARM64" ? "arm64" : "amd64"}-only, set runtimePlatform.cpuArchitecture to ${other}.`,
  };
};
