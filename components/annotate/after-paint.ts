/**
 * Runs `run` once the browser has painted the next frame: a rendering-frame callback runs before
 * that frame's paint, and a task it queues runs after it. For work that would otherwise hold back
 * a paint the reader is waiting for (#15). Returns the function that cancels it.
 */
export function afterNextPaint(run: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(run, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
