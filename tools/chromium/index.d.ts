/** The flags every Chromium of this project runs with (no sandbox in containers, nothing fetched in the background). */
export declare const CHROMIUM_ARGS: readonly string[];

/** Whether the browser tests can run here, and if not, why. */
export type Availability = { ok: true; executablePath: string } | { ok: false; executablePath: string; reason: string };

/** Finds Chromium: `CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`; if it is missing, says how to install it. */
export declare function chromiumAvailability(env?: NodeJS.ProcessEnv): Availability;
