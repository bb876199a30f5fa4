// The typed event stream the engine emits; reporters (human, JSON) subscribe to it.
import type { HostResult } from './host-result.js';

/** What a host is doing right now. */
export type HostPhase = 'connecting' | 'facts' | 'applying' | 'health' | 'rollback' | 'restarting';

/** One engine event. */
export type EngineEvent =
  | { type: 'host-phase'; host: string; phase: HostPhase }
  | { type: 'host-done'; result: HostResult }
  | { type: 'warning'; host: string | undefined; message: string }
  | { type: 'verbose'; host: string; message: string };

/** A subscriber to engine events. */
export type EventSink = (event: EngineEvent) => void;

/** A sink that drops everything (for callers that want results only). */
export const ignoreEvents: EventSink = () => {};
