/**
 * Reactions: what a customer says to a reply that no transition answered, so every reply gets an
 * answer. Each reaction names the kinds of reply it answers and, optionally, how the customer must feel;
 * the first that fits wins: the scenario's own, then the pack's, then these built-in ones. Built-in
 * lines never refer to the case, so they cannot contradict a script. They exist in English and
 * Spanish; a pack in any other language writes its own complete set.
 */
import { checkConditions } from './checkConditions';
import type { CompileContext } from './compileContext';
import type { YamlPath } from './readYaml';
import { type ReactionFile, TONE_KINDS } from './schema';
import type { Guards, LocalizedText, Reaction, ReplyKind } from './types';

/** Conditions on nothing: the reaction fits however the customer feels. */
export const NO_GUARDS: Guards = Object.freeze({
  moodBelow: null,
  moodAbove: null,
  trustBelow: null,
  trustAbove: null,
  patienceBelow: null,
  known: [],
});

/** Mood below this is upset or angry, as the desk shows it. */
const UPSET = -0.2;

const line = (en: string, es: string): LocalizedText => Object.freeze({ en, es });
const reaction = (
  kinds: readonly ReplyKind[],
  says: readonly LocalizedText[],
  guards: Partial<Guards> = {},
): Reaction => Object.freeze({ kinds, says, guards: { ...NO_GUARDS, ...guards } });

/** The languages the built-in reactions are written in. */
export const BUILT_IN_REACTION_LANGUAGES: readonly string[] = ['en', 'es'];

/**
 * The built-in repertoire, in the order it is tried: rudeness and then a repeat are answered before
 * anything else, a promise and a question before the tone, and each tone by how the customer feels.
 */
export const BUILT_IN_REACTIONS: readonly Reaction[] = Object.freeze([
  reaction(['rude'], [line("Don't talk to me like that.", 'No me hable así.')], { moodBelow: -0.6 }),
  reaction(
    ['rude'],
    [
      line("Excuse me? There's no need for that tone.", '¿Perdone? No hace falta ese tono.'),
      line("I don't appreciate being spoken to like that.", 'No me gusta que me hablen así.'),
    ],
  ),
  reaction(
    ['repeated'],
    [
      line("You've said that already.", 'Eso ya me lo ha dicho.'),
      line('Yes, you said. And?', 'Sí, ya lo ha dicho. ¿Y?'),
    ],
  ),
  reaction(['promise'], [line("I'll believe it when I see it.", 'Me lo creeré cuando lo vea.')], {
    trustBelow: 0.4,
  }),
  reaction(
    ['promise'],
    [
      line("Okay. I'll hold you to that.", 'De acuerdo. Cuento con ello.'),
      line("Right, I'll be waiting, then.", 'Bien, pues quedo a la espera.'),
    ],
  ),
  reaction(
    ['question'],
    [
      line("I don't know! That's why I'm contacting you.", '¡No lo sé! Para eso les escribo.'),
      line(
        "How would I know? Can't you see it on your side?",
        '¿Y cómo quiere que lo sepa? ¿No lo ve usted?',
      ),
    ],
    { moodBelow: UPSET },
  ),
  reaction(
    ['question'],
    [
      line("I'm not sure. Can you check on your side?", 'No sabría decirle. ¿Puede mirarlo usted?'),
      line(
        "I'm not sure what you mean. What do you need from me?",
        'No sé a qué se refiere. ¿Qué necesita de mí?',
      ),
    ],
  ),
  reaction(
    ['cold'],
    [
      line("That doesn't help me at all.", 'Eso no me ayuda en nada.'),
      line('Is that really all you can say?', '¿De verdad eso es todo lo que me puede decir?'),
    ],
    { moodBelow: UPSET },
  ),
  reaction(
    ['cold'],
    [line("That's not very helpful.", 'Eso no me ayuda mucho.'), line('Is that all?', '¿Eso es todo?')],
  ),
  reaction(
    ['warm'],
    [
      line(
        'Kind words are nice, but I still need this sorted.',
        'Se agradece, pero sigo necesitando que me lo resuelvan.',
      ),
      line('I appreciate that. So what happens now?', 'Se lo agradezco. ¿Y ahora qué?'),
    ],
    { moodBelow: UPSET },
  ),
  reaction(['warm'], [line('Thank you.', 'Gracias.'), line('Okay, thanks.', 'Vale, gracias.')]),
  reaction(
    ['nothing-new'],
    [
      line("I'm still waiting for an actual answer.", 'Sigo esperando una respuesta de verdad.'),
      line('So? What happens now?', '¿Y? ¿Qué pasa ahora?'),
    ],
    { moodBelow: UPSET },
  ),
  reaction(
    ['nothing-new'],
    [line('Okay…', 'Vale…'), line('Go on.', 'Siga.'), line('And then?', '¿Y entonces?')],
  ),
  reaction(['neutral'], [line('Okay.', 'De acuerdo.'), line('I see.', 'Ya veo.'), line('Right.', 'Bien.')]),
]);

/** A reaction as written, checked and compiled; `path` is where it is written. */
export function normaliseReaction(source: ReactionFile, path: YamlPath, ctx: CompileContext): Reaction {
  const says = Array.isArray(source.says) ? source.says : [source.says];
  checkConditions(source, path, (code, message, at, key) => ctx.report(code, message, at, key));
  return {
    kinds: Array.isArray(source.replied) ? source.replied : [source.replied as ReplyKind],
    says: says.map((text, i) =>
      ctx.text(text, Array.isArray(source.says) ? [...path, 'says', i] : [...path, 'says']),
    ),
    guards: {
      ...NO_GUARDS,
      moodBelow: source.mood_below ?? null,
      moodAbove: source.mood_above ?? null,
      trustBelow: source.trust_below ?? null,
      trustAbove: source.trust_above ?? null,
    },
  };
}

/** Whether every reply, whatever its tone and however the customer feels, finds a reaction. */
export function missingToneKinds(reactions: readonly Reaction[]): ReplyKind[] {
  const unconditional = (r: Reaction) =>
    r.guards.moodBelow === null &&
    r.guards.moodAbove === null &&
    r.guards.trustBelow === null &&
    r.guards.trustAbove === null;
  return TONE_KINDS.filter((kind) => !reactions.some((r) => r.kinds.includes(kind) && unconditional(r)));
}
