// The one way an extension page asks the worker something: the request typed by its kind, the answer
// parsed with the schema that kind names (messages/page-to-worker.ts), never cast.
import { browser } from '../shared/browser';
import { PAGE_ANSWERS, type AnswerTo, type PageMessage } from '../messages/page-to-worker';

/** Thrown when the worker's answer does not have the shape its request names (a worker of another version mid-update). */
export class UnexpectedAnswer extends Error {
  constructor(readonly request: PageMessage['type'], readonly issues: string) {
    super(`the worker's answer to ${request} does not fit: ${issues}`);
  }
}

export async function ask<R extends PageMessage>(request: R): Promise<AnswerTo<R>> {
  const answer: unknown = await browser.runtime.sendMessage(request);
  const parsed = PAGE_ANSWERS[request.type].safeParse(answer);
  if (!parsed.success) throw new UnexpectedAnswer(request.type, parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
  return parsed.data as AnswerTo<R>;
}
