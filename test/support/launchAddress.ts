/**
 * Launch addresses as a learning system writes them, for the tests that read them: a learner named by
 * an account, and a query made from a launch's good parameters with some changed or left out.
 */

/** The learner a learning system names in its launches. */
export const LAUNCH_ACTOR = {
  objectType: 'Agent',
  name: 'Hannah Reyes',
  account: { homePage: 'https://lms.example.com', name: 'emp-077' },
} as const;

/**
 * The query string of a launch with `good` parameters, each of `over` replacing one (null leaves it
 * out), after any of the game's own parameters in `before`.
 */
export function launchSearch(
  good: Readonly<Record<string, string>>,
  over: Readonly<Record<string, string | null>> = {},
  before = '',
): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...good, ...over })) if (value !== null) query.set(key, value);
  return `?${before}${query}`;
}
