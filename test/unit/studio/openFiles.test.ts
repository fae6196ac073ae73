import { describe, expect, it } from 'vitest';
import { isStudioFile } from '../../../src/studio/openFiles';

describe('isStudioFile', () => {
  it('opens scenarios, shifts, the pack and playthroughs, in folders too', () => {
    for (const name of [
      'level-1/free-delivery-forty-or-fifty.yaml',
      'shifts/monday.shift.yaml',
      'pack.yaml',
      'scenarios/pack.yaml',
      'a.handled-well.playthrough.yaml',
      'draft.yml',
    ])
      expect(isStudioFile(name), name).toBe(true);
  });

  it('leaves everything else out', () => {
    for (const name of ['README.md', 'scorecard.json', 'notes.txt', 'yaml'])
      expect(isStudioFile(name), name).toBe(false);
  });
});
