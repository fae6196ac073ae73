/** The review's addresses: every view's link leads back to the same view, and anything else to the team. */
import { describe, expect, it } from 'vitest';
import { hrefOf, type Route, routeOf } from '../../../src/manager/viewContext';

describe("the manager's review addresses", () => {
  it('reads back every route it writes, whatever the key holds', () => {
    const routes: Route[] = [
      { view: 'team' },
      { view: 'scenarios' },
      { view: 'trainee', key: 'name:ana ruiz/ñ#?' },
      { view: 'scenario', id: 'locked-out-before-payroll' },
      { view: 'attempt', hash: 'ab12/cd' },
    ];
    for (const route of routes) expect(routeOf(hrefOf(route))).toEqual(route);
  });

  it('takes anything it does not know to the team', () => {
    for (const hash of ['', '#', '#nowhere', '#trainee/', '#attempt'])
      expect(routeOf(hash)).toEqual({ view: 'team' });
  });
});
