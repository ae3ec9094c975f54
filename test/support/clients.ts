// Real AWS SDK v3 clients for all eight services, pointed at a loopback fake endpoint.
import { CloudFormationClient } from "@aws-sdk/client-cloudformation";
import { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import { EC2Client } from "@aws-sdk/client-ec2";
import { ECRClient } from "@aws-sdk/client-ecr";
import { ECSClient } from "@aws-sdk/client-ecs";
import { ElasticLoadBalancingV2Client } from "@aws-sdk/client-elastic-load-balancing-v2";
import { IAMClient } from "@aws-sdk/client-iam";
import { STSClient } from "@aws-sdk/client-sts";
import { ConfiguredRetryStrategy } from "@smithy/core/retry";

export interface FakeClientOptions {
  /** Total attempts per call including retries (SDK default 3). */
  readonly maxAttempts?: number;
  /**
   * Fixed delay between retries, ms. Omit for the SDK's own jittered backoff (up to seconds for
   * throttling); set it small in tests that exercise retries so they stay fast.
   */
  readonly retryDelayMs?: number;
  /** Per-request timeout, ms (set with throwOnRequestTimeout): what turns a `hang` fault into a TimeoutError. */
  readonly requestTimeoutMs?: number;
}

/** The config every fake-backed client gets: fixed region, static fake credentials, the fake's URL. */
export const fakeClientConfig = (fake: { readonly url: string }, options: FakeClientOptions = {}) => {
  const maxAttempts = options.maxAttempts ?? 3;
  return {
    endpoint: fake.url,
    region: "us-east-1",
    credentials: { accessKeyId: "AKIDFAKE", secretAccessKey: "fake" },
    maxAttempts,
    ...(options.retryDelayMs !== undefined
      ? { retryStrategy: new ConfiguredRetryStrategy(maxAttempts, options.retryDelayMs) }
      : {}),
    // Without throwOnRequestTimeout, @smithy/node-http-handler only logs a warning when requestTimeout passes.
    ...(options.requestTimeoutMs !== undefined
      ? { requestHandler: { requestTimeout: options.requestTimeoutMs, throwOnRequestTimeout: true } }
      : {}),
  };
};

export interface FakeClients {
  readonly ecs: ECSClient;
  readonly ecr: ECRClient;
  readonly logs: CloudWatchLogsClient;
  readonly cloudformation: CloudFormationClient;
  readonly iam: IAMClient;
  readonly elbv2: ElasticLoadBalancingV2Client;
  readonly ec2: EC2Client;
  readonly sts: STSClient;
  /** Closes the clients' keep-alive sockets. */
  destroy(): void;
}

/** One client per service, keyed like lib/aws/services.ts, all talking to `fake`. */
export const createClients = (fake: { readonly url: string }, options: FakeClientOptions = {}): FakeClients => {
  // One config per client: a retry strategy holds a token bucket that should not be shared.
  const config = () => fakeClientConfig(fake, options);
  const clients = {
    ecs: new ECSClient(config()),
    ecr: new ECRClient(config()),
    logs: new CloudWatchLogsClient(config()),
    cloudformation: new CloudFormationClient(config()),
    iam: new IAMClient(config()),
    elbv2: new ElasticLoadBalancingV2Client(config()),
    ec2: new EC2Client(config()),
    sts: new STSClient(config()),
  };
  return {
    ...clients,
    destroy: () => {
      for (const client of Object.values(clients)) client.destroy();
    },
  };
};

/** The `aws` options of an assistant that talks to the fake (region, endpoint, fake static credentials). */
export const fakeAwsOptions = (fake: { readonly url: string }) =>
  ({
    region: "us-east-1",
    endpoints: { default: fake.url },
    credentials: { accessKeyId: "AKIDFAKE", secretAccessKey: "fake" },
  }) as const;
