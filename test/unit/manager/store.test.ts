/**
 * The kept team's database moves on from each earlier version without losing what it holds: a new
 * database gets every store, one made by the first page (attempts only) gets the scenario versions
 * store and the statements store added, one of version 2 the statements store (for attempts read from
 * a learning record store without their scorecard), and one already current is left alone. IndexedDB itself is not in Node, so the upgrade
 * step is run against a database that records what it is asked to create; the browser suite opens
 * the real one.
 */
import { describe, expect, it } from 'vitest';
import { upgradeTeamDb } from '../../../src/manager/store';

/** A database that only records the stores and indexes created in it. */
function recordingDatabase() {
  const created: string[] = [];
  const database = {
    createObjectStore(name: string, options: { keyPath: string }) {
      created.push(`${name} by ${options.keyPath}`);
      return { createIndex: (index: string) => created.push(`${name} index ${index}`) };
    },
  };
  return { created, database: database as unknown as Parameters<typeof upgradeTeamDb>[0] };
}

describe('the kept team’s database', () => {
  it.each([
    [
      0,
      [
        'attempts by hash',
        'attempts index attemptId',
        'scenarios by key',
        'statements by hash',
        'statements index attemptId',
      ],
    ],
    [1, ['scenarios by key', 'statements by hash', 'statements index attemptId']],
    [2, ['statements by hash', 'statements index attemptId']],
    [3, []],
  ])('from version %i creates %j', (oldVersion, expected) => {
    const { created, database } = recordingDatabase();
    upgradeTeamDb(database, oldVersion);
    expect(created).toEqual(expected);
  });
});
