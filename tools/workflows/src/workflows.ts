import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from "@actions/workflow-parser";
import { parse } from "yaml";

/** One step of a job, as written. */
export interface Step {
  readonly job: string;
  readonly index: number;
  readonly name?: string | undefined;
  readonly run?: string | undefined;
  readonly uses?: string | undefined;
  readonly with?: Readonly<Record<string, unknown>> | undefined;
  readonly workingDirectory?: string | undefined;
}

/** A workflow file: its text and its YAML as data. */
export interface WorkflowFile {
  readonly name: string;
  readonly text: string;
  // biome-ignore lint/suspicious/noExplicitAny: a workflow is YAML that tests reach into freely.
  readonly document: any;
}

/** The folder GitHub reads workflows from. */
export const workflowsDir = (root: string) => join(root, ".github", "workflows");

/**
 * Every `*.yml` / `*.yaml` file of `.github/workflows`.
 *
 * @example
 * ```ts
 * readWorkflows(root).map((w) => w.name); // ["ci.yml", "contract-gate.yml", "release.yml"]
 * ```
 */
export function readWorkflows(root: string): WorkflowFile[] {
  return readdirSync(workflowsDir(root))
    .filter((file) => /\.ya?ml$/.test(file))
    .sort()
    .map((name) => {
      const text = readFileSync(join(workflowsDir(root), name), "utf8");
      return { name, text, document: parse(text) };
    });
}

/**
 * What GitHub's own parser (`@actions/workflow-parser`, the one behind the Actions language service) finds wrong
 * in a workflow: unknown keys, wrong types, bad expressions, bad cron. Empty when the workflow is valid.
 *
 * @example
 * ```ts
 * await workflowErrors("bad.yml", "on: push\njobs: {}\n"); // [...]
 * ```
 */
export async function workflowErrors(name: string, text: string): Promise<string[]> {
  const result = parseWorkflow({ name, content: text }, new NoOperationTraceWriter());
  const errors = result.context.errors.getErrors().map((e) => e.message);
  if (errors.length > 0 || result.value === undefined) return errors.length > 0 ? errors : [`${name}: empty`];
  const template = await convertWorkflowTemplate(result.context, result.value);
  return [...errors, ...(template.errors ?? []).map((e) => e.Message)];
}

/** Every step of every job of a workflow. */
export function stepsOf(workflow: WorkflowFile): Step[] {
  const jobs = (workflow.document?.jobs ?? {}) as Record<
    string,
    { steps?: Record<string, unknown>[]; defaults?: { run?: Record<string, unknown> } }
  >;
  return Object.entries(jobs).flatMap(([job, definition]) =>
    (definition.steps ?? []).map((step, index) => ({
      job,
      index,
      name: step.name as string | undefined,
      run: step.run as string | undefined,
      uses: step.uses as string | undefined,
      with: step.with as Record<string, unknown> | undefined,
      workingDirectory: (step["working-directory"] ?? definition.defaults?.run?.["working-directory"]) as
        | string
        | undefined,
    })),
  );
}

/** The shell commands a step runs: its `run:`, and the `version`/`publish` commands it hands to changesets/action. */
export function scriptsOf(step: Step): string[] {
  const scripts = step.run === undefined ? [] : [step.run];
  if (step.uses?.startsWith("changesets/action@")) {
    for (const key of ["version", "publish"]) {
      const value = step.with?.[key];
      if (typeof value === "string") scripts.push(value);
    }
  }
  return scripts;
}
