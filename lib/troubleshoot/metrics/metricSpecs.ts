// Which CloudWatch metrics describe one ECS service: AWS/ECS utilization, Container Insights, ALB target metrics.
import { elbDimensions } from "./elbDimensions.ts";

/** Container Insights level of a cluster (its `containerInsights` setting); `unknown` when it could not be read. */
export type ContainerInsightsMode = "enhanced" | "enabled" | "disabled" | "unknown";

/** One metric to read: a GetMetricData MetricStat with a stable id. */
export interface MetricSpec {
  /** GetMetricData query id (`^[a-z][a-zA-Z0-9_]*$`), also the key of the reading. */
  readonly id: string;
  readonly namespace: string;
  readonly metric: string;
  readonly dimensions: Readonly<Record<string, string>>;
  readonly stat: string;
  readonly unit: "Percent" | "Count" | "Seconds" | "Megabytes" | "None";
}

/** What the metrics are read for. */
export interface MetricTargets {
  readonly cluster: string;
  readonly service: string;
  readonly containerInsights: ContainerInsightsMode;
  /** The service's target groups with their load balancers (from DescribeTargetGroups). */
  readonly targetGroups: readonly { readonly targetGroupArn: string; readonly loadBalancerArns: readonly string[] }[];
}

/** At most this many target groups are read (a service has one per load balancer listener it serves). */
export const MAX_TARGET_GROUPS = 5;

const spec = (
  id: string,
  namespace: string,
  metric: string,
  dimensions: Record<string, string>,
  stat: string,
  unit: MetricSpec["unit"],
): MetricSpec => ({ id, namespace, metric, dimensions, stat, unit });

/**
 * AWS/ECS CPUUtilization and MemoryUtilization per service (ClusterName+ServiceName; Maximum is the busiest task,
 * Average the mean over tasks: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service_utilization.html).
 * Container Insights (ECS/ContainerInsights, same dimensions) when the cluster has it: MemoryUtilized/Reserved (MB),
 * CpuUtilized/Reserved (CPU units), RunningTaskCount
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Container-Insights-metrics-ECS.html); with enhanced
 * observability also TaskMemoryUtilization/TaskCpuUtilization in percent, whose Maximum is the hottest task
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Container-Insights-enhanced-observability-metrics-ECS.html).
 * AWS/ApplicationELB per target group (TargetGroup+LoadBalancer): HTTPCode_Target_5XX_Count (Sum), TargetResponseTime
 * (Average, p99; seconds), UnHealthyHostCount (Maximum), HealthyHostCount (Minimum); per load balancer
 * HTTPCode_ELB_5XX_Count (Sum) — the 502/503/504 the ALB itself returns
 * (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html);
 * for a Network Load Balancer only UnHealthyHostCount/HealthyHostCount in AWS/NetworkELB.
 */
export const metricSpecs = (t: MetricTargets): MetricSpec[] => {
  const svc = { ClusterName: t.cluster, ServiceName: t.service };
  const out: MetricSpec[] = [
    spec("svc_cpu_max", "AWS/ECS", "CPUUtilization", svc, "Maximum", "Percent"),
    spec("svc_cpu_avg", "AWS/ECS", "CPUUtilization", svc, "Average", "Percent"),
    spec("svc_mem_max", "AWS/ECS", "MemoryUtilization", svc, "Maximum", "Percent"),
    spec("svc_mem_avg", "AWS/ECS", "MemoryUtilization", svc, "Average", "Percent"),
  ];
  if (t.containerInsights === "enabled" || t.containerInsights === "enhanced") {
    const ci = "ECS/ContainerInsights";
    out.push(
      spec("ci_mem_utilized_max", ci, "MemoryUtilized", svc, "Maximum", "Megabytes"),
      spec("ci_mem_reserved_max", ci, "MemoryReserved", svc, "Maximum", "Megabytes"),
      spec("ci_cpu_utilized_max", ci, "CpuUtilized", svc, "Maximum", "None"),
      spec("ci_cpu_reserved_max", ci, "CpuReserved", svc, "Maximum", "None"),
      spec("ci_running_tasks_min", ci, "RunningTaskCount", svc, "Minimum", "Count"),
    );
  }
  if (t.containerInsights === "enhanced") {
    const ci = "ECS/ContainerInsights";
    out.push(
      spec("task_mem_max", ci, "TaskMemoryUtilization", svc, "Maximum", "Percent"),
      spec("task_cpu_max", ci, "TaskCpuUtilization", svc, "Maximum", "Percent"),
    );
  }
  const lbs = new Set<string>();
  t.targetGroups.slice(0, MAX_TARGET_GROUPS).forEach((g, i) => {
    g.loadBalancerArns.forEach((lbArn, j) => {
      const e = elbDimensions(g.targetGroupArn, lbArn);
      if (!e) return;
      const p = `tg${i}_${j}`;
      const d = { TargetGroup: e.TargetGroup, LoadBalancer: e.LoadBalancer };
      if (e.namespace === "AWS/ApplicationELB") {
        out.push(
          spec(`${p}_target_5xx_sum`, e.namespace, "HTTPCode_Target_5XX_Count", d, "Sum", "Count"),
          spec(`${p}_response_time_avg`, e.namespace, "TargetResponseTime", d, "Average", "Seconds"),
          spec(`${p}_response_time_p99`, e.namespace, "TargetResponseTime", d, "p99", "Seconds"),
        );
      }
      // NLBs see TCP, not HTTP: only target health counts (AWS/NetworkELB, same dimensions).
      out.push(
        spec(`${p}_unhealthy_max`, e.namespace, "UnHealthyHostCount", d, "Maximum", "Count"),
        spec(`${p}_healthy_min`, e.namespace, "HealthyHostCount", d, "Minimum", "Count"),
      );
      if (e.namespace === "AWS/ApplicationELB" && !lbs.has(e.LoadBalancer)) {
        const lb = { LoadBalancer: e.LoadBalancer };
        out.push(spec(`lb${lbs.size}_elb_5xx_sum`, e.namespace, "HTTPCode_ELB_5XX_Count", lb, "Sum", "Count"));
        lbs.add(e.LoadBalancer);
      }
    });
  });
  return out;
};
