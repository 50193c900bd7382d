/**
 * Collects unhandled rejections and uncaught exceptions of this process while a test runs; `stop()` removes the
 * listeners and returns what was caught (a test asserts it is empty).
 */
export const trackUnhandled = (): { stop(): unknown[] } => {
  const caught: unknown[] = [];
  const onError = (error: unknown) => caught.push(error);
  process.on("unhandledRejection", onError);
  process.on("uncaughtException", onError);
  return {
    stop() {
      process.off("unhandledRejection", onError);
      process.off("uncaughtException", onError);
      return caught;
    },
  };
};
