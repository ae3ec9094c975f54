// Classifies image-pull and task-initialisation error text (stoppedReason, container reason) into causes.

/** A cause recognised in an error message. */
export interface TextCause {
  readonly id: string;
  readonly category: "image" | "permissions" | "network" | "task";
  readonly title: string;
  readonly likelihood: number;
  readonly explanation: string;
  readonly fix: string;
}

interface Rule extends TextCause {
  readonly test: RegExp;
}

// Order matters: the most specific text first. Messages as ECS/Fargate write them:
// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/stopped-task-error-codes.html
const RULES: readonly Rule[] = [
  {
    id: "image_arch_mismatch",
    category: "image",
    test: /exec format error/i,
    title: "Image built for a different CPU architecture",
    likelihood: 0.93,
    explanation:
      "The container binary cannot execute on this platform ('exec format error'): the image was built for another architecture (e.g. arm64 image on X86_64 Fargate).",
    fix: "Build for the task's platform (docker buildx build --platform linux/amd64 ...) or set runtimePlatform.cpuArchitecture to match the image (ARM64).",
  },
  {
    id: "not_executable",
    category: "task",
    test: /\bexec: "[^"]*": permission denied/i,
    title: "The container's entrypoint or command is not executable",
    likelihood: 0.9,
    explanation:
      "The runtime could not execute the entrypoint/command ('exec ...: permission denied'): the file lacks the execute bit or is not a program.",
    fix: "chmod +x the entrypoint in the Dockerfile (RUN chmod +x ...), check its shebang line, and rebuild the image.",
  },
  {
    id: "command_not_found",
    category: "task",
    test: /\bexec: "[^"]*": .*(no such file or directory|executable file not found)/i,
    title: "The container's entrypoint or command does not exist in the image",
    likelihood: 0.9,
    explanation:
      "The runtime could not find the entrypoint/command: wrong path, a binary missing from the image, or a script with CRLF line endings / a missing interpreter.",
    fix: "Check entryPoint/command in the task definition and the Dockerfile CMD/ENTRYPOINT; run the image locally with the same command.",
  },
  {
    id: "image_not_found",
    category: "image",
    test: /CannotPullContainerError.*(not found|manifest unknown|does not exist|repository .* not found|NotFound)/i,
    title: "Image or tag does not exist",
    likelihood: 0.95,
    explanation: "ECS could not pull the image because the repository or the tag does not exist in the registry.",
    fix: "Push the image with that tag (or fix the image URI/tag in the task definition) and redeploy.",
  },
  {
    id: "registry_auth_failed",
    category: "permissions",
    test: /(CannotPullContainerError|ResourceInitializationError).*(pull access denied|no basic auth credentials|unauthorized|authentication required|401|403 Forbidden|denied: )/i,
    title: "Registry refused the pull (authentication)",
    likelihood: 0.92,
    explanation:
      "The registry rejected the pull: the execution role lacks ECR permissions, or a private registry needs credentials the task does not have.",
    fix: "For ECR, attach AmazonECSTaskExecutionRolePolicy (ecr:GetAuthorizationToken, ecr:BatchGetImage, ecr:GetDownloadUrlForLayer) to the execution role; for other private registries set repositoryCredentials.credentialsParameter to a Secrets Manager secret readable by the execution role.",
  },
  {
    id: "rate_limited_pull",
    category: "image",
    test: /toomanyrequests|rate limit/i,
    title: "Registry rate limit on pulls",
    likelihood: 0.85,
    explanation: "The registry (typically Docker Hub) throttled anonymous pulls.",
    fix: "Copy the image to ECR (or use ECR Public / a pull-through cache) and point the task definition at it.",
  },
  {
    id: "secrets_access_denied",
    category: "permissions",
    test: /ResourceInitializationError.*(secrets|ssm|secretsmanager|parameter).*(AccessDenied|not authorized|KMS|does not exist|ParameterNotFound|ResourceNotFound)/i,
    title: "Task cannot read its secrets",
    likelihood: 0.94,
    explanation:
      "The task failed to initialise because the execution role cannot read a Secrets Manager secret or SSM parameter referenced in the task definition (or it does not exist).",
    fix: "Grant the execution role secretsmanager:GetSecretValue / ssm:GetParameters (and kms:Decrypt for customer keys) on the referenced ARNs, and check the ARNs exist in this region.",
  },
  {
    id: "log_setup_failed",
    category: "permissions",
    test: /ResourceInitializationError.*(logger|log group|logs:|CreateLogStream|awslogs)/i,
    title: "Task cannot set up its log stream",
    likelihood: 0.9,
    explanation:
      "The awslogs driver could not create the log stream: the log group is missing (and awslogs-create-group is off) or the execution role lacks logs:CreateLogStream/PutLogEvents.",
    fix: "Create the log group (or set awslogs-create-group=true and grant logs:CreateLogGroup) and attach AmazonECSTaskExecutionRolePolicy to the execution role.",
  },
  {
    id: "registry_unreachable",
    category: "network",
    test: /(CannotPullContainerError|ResourceInitializationError).*(i\/o timeout|context deadline exceeded|dial tcp|connection refused|no such host|network is unreachable|Timeout)/i,
    title: "No network route to the registry",
    likelihood: 0.86,
    explanation:
      "The task could not reach the registry or AWS APIs: its subnet has no route to the internet (no NAT gateway, or a public subnet with assignPublicIp off) and no VPC endpoints for ECR, S3 and logs.",
    fix: "Run tasks in private subnets with a NAT gateway route, or in public subnets with assignPublicIp=ENABLED, or add VPC endpoints (com.amazonaws.<region>.ecr.api, ecr.dkr, s3 gateway, logs); also check the security group allows outbound 443.",
  },
  {
    id: "image_pull_failed",
    category: "image",
    test: /CannotPullContainerError|ImagePull|pull image manifest/i,
    title: "Image pull failed",
    likelihood: 0.85,
    explanation: "ECS could not pull the container image.",
    fix: "Check the image URI, that the image exists, the execution role's ECR permissions and the task's network route to the registry.",
  },
  {
    id: "eni_capacity",
    category: "network",
    test: /(insufficient free addresses|no free IP|\bENIs?\b|network interface provisioning|ResourceInitializationError: .*(network|\beni\b))/i,
    title: "No IP addresses or ENIs to start the task",
    likelihood: 0.88,
    explanation:
      "The task could not get a network interface: the subnet is out of free IP addresses or the ENI limit was hit.",
    fix: "Add subnets with free addresses (a larger CIDR) to the service's network configuration, or enable ENI trunking for EC2 capacity.",
  },
  {
    id: "capacity_unavailable",
    category: "task",
    test: /(Capacity is unavailable|insufficient capacity|RESOURCE:(CPU|MEMORY|ENI|PORTS)|no container instance met)/i,
    title: "No capacity to place the task",
    likelihood: 0.86,
    explanation:
      "ECS could not find capacity (Fargate capacity in the AZ, or a container instance with enough CPU/memory/ports).",
    fix: "Retry or add subnets in more AZs for Fargate; for EC2 capacity add instances or use a capacity provider with managed scaling, and check the task's cpu/memory fit an instance.",
  },
];

/** The first cause matching the text, if any. */
export const classifyErrorText = (text: string | undefined): TextCause | undefined => {
  if (!text) return undefined;
  const rule = RULES.find((r) => r.test.test(text));
  if (!rule) return undefined;
  const { test: _t, ...cause } = rule;
  return cause;
};
