/**
 * Runs `task` while sampling the heap and array buffers every 2 ms, and returns its result
 * with the largest growth seen over their sizes at the start, in bytes.
 */
export async function measurePeakMemoryGrowth<T>(task: () => Promise<T>): Promise<{ result: T; peakGrowthBytes: number }> {
  const baseline = process.memoryUsage();
  let peakGrowthBytes = 0;
  const sample = () => {
    const { heapUsed, arrayBuffers } = process.memoryUsage();
    peakGrowthBytes = Math.max(peakGrowthBytes, heapUsed - baseline.heapUsed + (arrayBuffers - baseline.arrayBuffers));
  };
  const sampler = setInterval(sample, 2);
  try {
    const result = await task();
    sample();
    return { result, peakGrowthBytes };
  } finally {
    clearInterval(sampler);
  }
}
