/** The kinds of handle a leak would show as: sockets, listening servers, timers. */
const WATCHED = ["TCPSocketWrap", "TCPServerWrap", "Timeout"] as const;

/** How many handles of each watched kind the process holds now. */
export const openHandles = (): Record<string, number> => {
  const counts: Record<string, number> = Object.fromEntries(WATCHED.map((kind) => [kind, 0]));
  for (const kind of process.getActiveResourcesInfo()) if (kind in counts) counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
};

/**
 * The watched handles held beyond `baseline`, once closing sockets have had up to `ms` (real time) to finish
 * closing: `{}` when nothing leaked.
 */
export const leakedHandles = async (baseline: Record<string, number>, ms = 2_000): Promise<Record<string, number>> => {
  const deadline = performance.now() + ms;
  for (;;) {
    const now = openHandles();
    const extra = Object.fromEntries(
      Object.entries(now)
        .map(([kind, count]) => [kind, count - (baseline[kind] ?? 0)] as const)
        .filter(([, more]) => more > 0),
    );
    if (Object.keys(extra).length === 0 || performance.now() > deadline) return extra;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};
