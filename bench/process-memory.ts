// Resident memory of a process and all its descendants, from /proc (Linux): the app server is
// tsx's child, and Next may fork helpers of its own, so one pid's figure would miss most of it.
import { readdirSync, readFileSync } from "node:fs";

function parentOf(pid: number): number | null {
  try {
    // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so split after the last ")".
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return null; // gone meanwhile
  }
}

function rssKiB(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** The pids of `root` and its descendants. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const parent = parentOf(Number(entry));
    if (parent !== null) children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
  }
  const tree: number[] = [];
  const pending = [root];
  while (pending.length > 0) {
    const pid = pending.pop()!;
    tree.push(pid);
    pending.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** Total VmRSS of `root`'s process tree, in MiB. */
export function treeRssMiB(root: number): number {
  const kib = processTree(root).reduce((sum, pid) => sum + rssKiB(pid), 0);
  return Math.round((kib / 1024) * 10) / 10;
}
