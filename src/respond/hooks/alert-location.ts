import { candidateValues } from './alert-values';
import type { PlanContext } from './hook';

/** The account and region the alert's event comes from (`cloud.*`), the event's own values first. */
export function alertLocation(context: PlanContext): { account: string | undefined; region: string | undefined } {
  const documents = [context.event, context.alert];
  return { account: candidateValues(['cloud.account.id'], documents)[0], region: candidateValues(['cloud.region'], documents)[0] };
}

export function documentsOf(context: PlanContext): readonly (Readonly<Record<string, unknown>> | undefined)[] {
  return [context.event, context.alert];
}
