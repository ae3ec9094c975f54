// Routes a free-text symptom description to the actions most likely to explain it.

const ROUTES: readonly { test: RegExp; action: string; why: string }[] = [
  {
    test: /pull|image|CannotPull|manifest|ecr|registry|tag/i,
    action: "detect_image_pull_failures",
    why: "image or registry problem",
  },
  {
    test: /crash|exit|stopp|restart|oom|memory|kill|cycl|loop/i,
    action: "fetch_task_failures",
    why: "tasks stop or crash",
  },
  { test: /crash|error|exception|log|start(up)?|boot/i, action: "fetch_task_logs", why: "the app's own error output" },
  {
    test: /health|50[234]|unhealthy|timeout|target|load balancer|alb|deploy|rollback|stuck/i,
    action: "fetch_service_events",
    why: "deployment and health-check events",
  },
  {
    test: /network|connect|vpc|subnet|security group|nat|internet|port|reach|50[24]/i,
    action: "fetch_network_configuration",
    why: "network path to or from the tasks",
  },
  {
    test: /slow|latenc|cpu|memory|oom|137|5\d\d|load|spike|throttl|utili[sz]/i,
    action: "fetch_service_metrics",
    why: "CPU/memory at the limit, target 5xx and latency over time (CloudWatch)",
  },
  {
    test: /stack|cloudformation|cfn|rollback|create_failed/i,
    action: "fetch_cloudformation_status",
    why: "infrastructure stack failure",
  },
];

/** Actions to run next for the symptoms, best first; `diagnose` always comes first because it runs them all. */
export const routeSymptoms = (symptoms: string | undefined): { action: string; why: string }[] => {
  const hits = symptoms ? ROUTES.filter((r) => r.test.test(symptoms)) : [];
  return [
    { action: "diagnose", why: "runs every relevant check in parallel and ranks the causes" },
    ...(hits.length > 0 ? hits : ROUTES.slice(1, 4)).map(({ action, why }) => ({ action, why })),
  ];
};
