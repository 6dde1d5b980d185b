/**
 * A progress bar on stderr for long command-line runs: redrawn in place on a terminal, at most
 * ten times a second; silent when stderr is not a terminal (logs, CI), where only results matter.
 */
export function progressBar(label: string, total: number) {
  const live = process.stderr.isTTY === true;
  let last = 0;
  const draw = (done: number) => {
    const share = total > 0 ? Math.min(1, done / total) : 1;
    const width = 30;
    const filled = Math.round(share * width);
    process.stderr.write(
      `\r${label} [${"#".repeat(filled)}${" ".repeat(width - filled)}] ${Math.round(share * 100)}% ${done.toLocaleString("en")}/${total.toLocaleString("en")}`,
    );
  };
  return {
    update(done: number) {
      const now = Date.now();
      if (!live || now - last < 100) return;
      last = now;
      draw(done);
    },
    finish(done: number) {
      if (!live) return;
      draw(done);
      process.stderr.write("\n");
    },
  };
}
