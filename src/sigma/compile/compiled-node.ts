import type { EventView } from '../events/event-view';
import type { Requirement } from './requirement';

export type Predicate = (view: EventView) => boolean;

/** A compiled part of a detection: how to test it, and what an event must contain to pass. */
export interface CompiledNode {
  readonly test: Predicate;
  readonly requirement: Requirement;
}
