/** The part of autocannon's programmatic API that the benches use (autocannon ships no types). */
declare module "autocannon" {
  /** One request of a list; `setupRequest` may rewrite it each time it is sent (`context` is per connection). */
  interface RequestSpec {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
    setupRequest?: (request: RequestSpec, context: Record<string, unknown>) => RequestSpec;
  }
  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    headers?: Record<string, string>;
    title?: string;
    requests?: RequestSpec[];
  }
  interface Result {
    non2xx: number;
    errors: number;
    requests: { average: number; total: number };
    latency: { p50: number; p99: number };
  }
  export default function autocannon(options: Options): Promise<Result>;
}
