// Types `window.journeyRunsMock` (set by main.tsx, used by the tests' page.evaluate) from the package itself.
import type {} from "@journey-runs/msw/browser-global";
