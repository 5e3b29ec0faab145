import { detect } from '../detect.ts';

/** A detected span, the shape returned by `detect` in ../detect.ts. */
export interface DetectedSpan {
  type: string;
  start: number;
  end: number;
  score: number;
}

/** Anything that finds personal data in a string — `detect` from ../detect.ts, or a stand-in in tests. */
export type PiiDetector = (text: string) => readonly DetectedSpan[];

/**
 * The switch between the table code and the free-text detector built next door (../detect.ts): the
 * profiler and the `redact` operator call detection only through this adapter, so the tables code keeps
 * working while the detector is incomplete, and tests can inject a detector of their own.
 * Pass `false` to switch detection off.
 * @example const detector = piiDetector(); detector('电话 13800138000')
 */
export function piiDetector(choice?: PiiDetector | false): PiiDetector {
  if (choice === false) return () => [];
  return choice ?? ((text) => detect(text));
}
