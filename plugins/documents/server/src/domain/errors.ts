/**
 * A document cannot be produced from these data: French message for the agent, naming the field
 * (dotted path in the input). The service turns it into the bridge's 422 answer.
 */
export class DocumentDataError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'DocumentDataError';
  }
}

/** A rule of issue refuses the document (result not validated, nobody registered…): 409 for the agent. */
export class DocumentRuleError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DocumentRuleError';
  }
}
