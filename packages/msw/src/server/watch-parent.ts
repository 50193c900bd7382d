/** How often the parent is looked for: the delay between a parent's death and the fake's drain starting. */
const POLL_MS = 200;

/**
 * Calls `onGone` once the process that started this one has exited, whatever killed it (SIGKILL included).
 * An orphan is adopted by init or a subreaper, so its parent pid changes; no signal or pipe is needed, which
 * also covers launchers such as `npx` that do not pass signals on. The timer is unref'd: it never keeps the
 * process alive by itself.
 */
export function watchParent(onGone: () => void): void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    onGone();
  }, POLL_MS);
  timer.unref();
}
