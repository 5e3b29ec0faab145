import { arrayMove } from '@dnd-kit/sortable';
import type { ReorderBody } from '../../../shared/api/courses.ts';

/** The outline as the reorder endpoint takes it: units in order, each with its lesson ids in order. */
export type Outline = ReorderBody['units'];

// Units and lessons share one drag context; the prefix tells which kind an id is.
export const unitDragId = (id: string) => `unit:${id}`;
export const lessonDragId = (id: string) => `lesson:${id}`;
/** The drop area of a unit's lesson list (so a lesson can be dropped into an empty unit). */
export const listDragId = (unitId: string) => `list:${unitId}`;

export function parseDragId(dragId: string | number): { kind: 'unit' | 'lesson' | 'list'; id: string } {
  const [kind, id] = String(dragId).split(':') as ['unit' | 'lesson' | 'list', string];
  return { kind, id };
}

export function unitOfLesson(outline: Outline, lessonId: string): number {
  return outline.findIndex((u) => u.lessonIds.includes(lessonId));
}

export function swap<T>(list: T[], i: number, j: number): T[] {
  const next = [...list];
  [next[i], next[j]] = [next[j]!, next[i]!];
  return next;
}

/**
 * Moves a lesson while it is dragged over another unit: into that unit, before the lesson it is over, or at
 * the end when over the unit's (empty) list. Returns the same outline when nothing changes.
 */
export function moveLessonAcross(outline: Outline, lessonId: string, overDragId: string | number): Outline {
  const over = parseDragId(overDragId);
  const from = unitOfLesson(outline, lessonId);
  const to = over.kind === 'lesson' ? unitOfLesson(outline, over.id) : outline.findIndex((u) => u.id === over.id);
  if (from < 0 || to < 0 || from === to) return outline;
  const target = outline[to]!.lessonIds;
  const at = over.kind === 'lesson' ? target.indexOf(over.id) : target.length;
  return outline.map((unit, k) => {
    if (k === from) return { ...unit, lessonIds: unit.lessonIds.filter((id) => id !== lessonId) };
    if (k === to) return { ...unit, lessonIds: [...target.slice(0, at), lessonId, ...target.slice(at)] };
    return unit;
  });
}

/** The drop itself: a unit moves among units, a lesson among the lessons of the unit it is now in. */
export function applyDrop(outline: Outline, activeDragId: string | number, overDragId: string | number): Outline {
  const active = parseDragId(activeDragId);
  const over = parseDragId(overDragId);
  if (active.kind === 'unit') {
    const from = outline.findIndex((u) => u.id === active.id);
    const to = outline.findIndex((u) => u.id === over.id);
    return from < 0 || to < 0 || from === to ? outline : arrayMove(outline, from, to);
  }
  const across = moveLessonAcross(outline, active.id, overDragId);
  if (across !== outline || over.kind !== 'lesson') return across;
  const u = unitOfLesson(outline, active.id);
  const unit = outline[u]!;
  const from = unit.lessonIds.indexOf(active.id);
  const to = unit.lessonIds.indexOf(over.id);
  if (to < 0 || from === to) return outline;
  return outline.map((x, k) => (k === u ? { ...x, lessonIds: arrayMove(x.lessonIds, from, to) } : x));
}

export function sameOutline(a: Outline, b: Outline): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
