/** Whether a change can break a client built against the earlier contract. */
export type Severity = "breaking" | "non-breaking";

/** One change between two versions of the contract. */
export interface Change {
  /** `breaking` when a client built against the earlier version may fail against the later one. */
  readonly severity: Severity;
  /** Where, in reader's terms: `GET /v1/... response 200 body.NextToken`. */
  readonly where: string;
  /** What changed, in one sentence. */
  readonly what: string;
}

/** Which side of the exchange a schema describes: what clients send, or what they receive. */
export type Direction = "request" | "response";

/** Collects changes while the diff walks both documents. */
export class ChangeLog {
  readonly changes: Change[] = [];

  /** Records a change that breaks clients. */
  breaking(where: string, what: string): void {
    this.changes.push({ severity: "breaking", where, what });
  }

  /** Records a change that does not break clients. */
  compatible(where: string, what: string): void {
    this.changes.push({ severity: "non-breaking", where, what });
  }

  /**
   * Records a narrowing (fewer values accepted) or a widening (more values possible): narrowing what clients send
   * breaks them, and so does widening what they receive.
   */
  bound(direction: Direction, narrower: boolean, where: string, what: string): void {
    if ((direction === "request") === narrower) this.breaking(where, what);
    else this.compatible(where, what);
  }
}
