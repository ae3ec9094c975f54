// An essential container that exited with code 0 on its own ("Essential container in task exited", exit 0): nothing
// crashed, the main process finished. A service task must keep a long-running process in the foreground; a command
// that starts the server in the background (a daemonizing process manager, `service x start`, `cmd &`) returns at once.
// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_essential
import type { Container } from "@aws-sdk/client-ecs";
import type { Finding } from "../finding.ts";
import type { FailureContext } from "./failureContext.ts";

/** Commands that background the real work and return. */
const DAEMONIZES = /\bpm2 start\b|\bservice \S+ start\b|\bsystemctl start\b|\bnohup\b|&\s*$|\bforever start\b/;

/** The finding for an essential container of a service task that exited 0, or undefined when it was not essential. */
export const exitZeroCause = (c: Container, fc: FailureContext): Omit<Finding, "evidence"> | undefined => {
  const def = fc.taskDefinition?.containerDefinitions?.find((d) => d.name === c.name);
  if (def && def.essential === false) return undefined;
  const cmd = [...(def?.entryPoint ?? []), ...(def?.command ?? [])].join(" ");
  const background = cmd && DAEMONIZES.test(cmd);
  return {
    id: "app_exited_zero",
    category: "task",
    title: `Essential container ${c.name} exited with code 0: its main process finished`,
    likelihood: 0.8,
    explanation: `Container ${c.name} is essential and exited with exit code 0 on its own, so ECS stopped the task and the service started another: nothing crashed, the process simply returned. ${cmd ? `Its command is \`${cmd}\`${background ? ", which starts the app in the background and returns" : ""}.` : "The task definition sets no command, so the image's CMD ran and finished."}`,
    fix: `Run the server as the container's main process in the foreground (${background && /pm2/.test(cmd) ? "pm2-runtime instead of pm2 start; " : ""}no daemon mode, no trailing &; e.g. node server.js, nginx -g 'daemon off;'). If the work is a one-off job, run it as a standalone task (RunTask or a scheduled task) instead of a service; if it is a helper that runs once beside the app, mark it essential: false (other containers can wait for it with dependsOn condition SUCCESS).`,
  };
};
