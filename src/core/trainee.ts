/**
 * Who a trainee is, in the form every part of the product checks: the id that tells people apart and
 * the employee id they may type. Kept apart from the scorecard so the game's menu and settings can
 * check them without loading the rubric.
 */
import { z } from 'zod';

/**
 * A trainee's id: a random UUID the game makes once per browser, or one derived from a name (see
 * `traineeIdFromName` in the scorecard module) or given on the command line. Letters, digits and `._:-` only.
 */
export const TraineeIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/);
/** An employee id as the trainee typed it: their organisation's, so any printable text. */
export const EmployeeIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[^\p{Cc}]+$/u);
