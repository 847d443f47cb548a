import { Context } from '@temporalio/activity';
import type { MetricHistogram, MetricMeter } from '@temporalio/common';

// One histogram per meter: the SDK hands every activity the same runtime meter.
const histograms = new WeakMap<MetricMeter, MetricHistogram>();

function histogramOf(meter: MetricMeter): MetricHistogram {
  let histogram = histograms.get(meter);
  if (!histogram) {
    histogram = meter.createHistogram(
      // Seconds and floats: the SDK's Prometheus exporter has second-sized default buckets.
      'unionflow_projection_lag_seconds',
      'float',
      's',
      'Time from a case change in the workflow to its read model being committed',
    );
    histograms.set(meter, histogram);
  }
  return histogram;
}

/**
 * Records how far the read model trails the workflow: from the workflow time of the change
 * (`changedAt`, the projection's `updatedAt`) to now, just after its batch committed. Reviewers see
 * the read model, so this is how stale their inbox can be. Outside an activity (unit tests calling
 * the projection directly) there is no meter and nothing is recorded.
 */
export function recordProjectionLag(changedAt: string, now = Date.now()): void {
  let meter: MetricMeter;
  try {
    meter = Context.current().metricMeter;
  } catch {
    return;
  }
  const lag = now - Date.parse(changedAt);
  if (Number.isFinite(lag)) histogramOf(meter).record(Math.max(0, lag) / 1000);
}
