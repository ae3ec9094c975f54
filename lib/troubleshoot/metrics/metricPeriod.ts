// The period (seconds) of the datapoints read for a time window.
import type { TimeWindow } from "../timeWindow.ts";

/** Most datapoints per series: an hour at one minute, 14 days at about an hour. */
export const MAX_POINTS = 360;

/**
 * One minute for windows up to 6 hours, then the smallest multiple of 60 s that keeps a series at MAX_POINTS.
 * AWS/ECS and ALB metrics are published every 60 s, and 1-minute data is kept for 15 days, longer than any window
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricData.html).
 */
export const metricPeriod = (w: TimeWindow): number => {
  const seconds = Math.max(60, (w.end.getTime() - w.start.getTime()) / 1000);
  return Math.max(60, Math.ceil(seconds / MAX_POINTS / 60) * 60);
};
