import { describe, expect, it } from 'vitest';
import { interpolate, notificationModule, notificationTextKey, notificationValues } from './notifications.ts';

describe('notification wording', () => {
  it('looks a kind up under its module’s catalogue block', () => {
    expect(notificationTextKey('library.approved')).toBe('library.notifications.approved');
    expect(notificationTextKey('training.sessionReminder')).toBe('training.notifications.sessionReminder');
    expect(notificationTextKey('network.proposal.accepted')).toBe('network.notifications.proposal.accepted');
    expect(notificationTextKey('nodot')).toBeNull();
    expect(notificationModule('contests.judged')).toBe('contests');
  });

  it('passes plain values, translates { t } values and the library’s publish level', () => {
    const catalogue: Record<string, string> = { 'library.publishLevels.school': '本校', 'training.modes.online': '线上' };
    const t = (k: string) => catalogue[k];
    expect(notificationValues('library.approved', { title: 'AI', level: 'school', comment: null }, t)).toEqual({
      title: 'AI',
      level: '本校',
    });
    expect(notificationValues('training.x', { mode: { t: 'training.modes.online' }, n: 3 }, t)).toEqual({ mode: '线上', n: '3' });
  });

  it('fills {{placeholders}} and leaves unknown ones empty', () => {
    expect(interpolate('“{{title}}” — {{ level }}{{missing}}', { title: 'A', level: 'B' })).toBe('“A” — B');
  });
});
