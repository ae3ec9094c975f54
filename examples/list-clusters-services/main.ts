// Lists every ECS cluster and its services, one page at a time (max_items per call, nextToken to continue).
import { createEcsAssistant } from "../../lib/index.ts"; // in your project: from "ecs-assistant"

const assistant = createEcsAssistant({
  aws: {
    region: process.env.AWS_REGION ?? "us-east-1",
    profile: process.env.AWS_PROFILE,
    endpoints: process.env.AWS_ENDPOINT_URL ? { default: process.env.AWS_ENDPOINT_URL } : {},
  },
});
const pageSize = Number(process.env.PAGE_SIZE ?? 100);

/** Every item of a List operation: each call returns up to `pageSize` items and a nextToken while more remain. */
async function listAll(operation: string, key: string, params: Record<string, unknown> = {}): Promise<string[]> {
  const items: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await assistant.ecsResourceManagement({
      api_operation: operation,
      api_params: { ...params, ...(nextToken ? { nextToken } : {}) },
      max_items: pageSize,
    });
    if (page.isErr()) throw new Error(`${operation}: ${page.error.message}\n${page.error.hint}`);
    items.push(...((page.value[key] as string[] | undefined) ?? []));
    nextToken = page.value.nextToken as string | undefined;
  } while (nextToken);
  return items;
}

try {
  const clusters = await listAll("ListClusters", "clusterArns");
  for (const cluster of clusters) {
    const services = await listAll("ListServices", "serviceArns", { cluster });
    console.log(`${cluster.split("/").at(-1)}  (${services.length} services)`);
    for (const s of services) console.log(`  ${s.split("/").at(-1)}`);
  }
  console.log(`${clusters.length} clusters`);
} catch (e) {
  console.error((e as Error).message);
  process.exitCode = 1;
} finally {
  assistant.close();
}
