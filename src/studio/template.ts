/**
 * The scenario a trainer starts from with "New scenario": small, valid, in English and Spanish, and
 * with a comment on each part saying what it is for, so it can be played at once and then changed.
 */

/** The file name the new scenario gets (a number is added when one of that name is open). */
export const TEMPLATE_FILE = 'my-first-scenario.yaml';

/** The comments of the template, in the studio's language: what each part is for, and how YAML is written. */
const COMMENTS = {
  en: {
    head: '# A new scenario: one customer with one case. Change the words, then press "Play" to try it.\n# (The line above lets other editors check this file as you type; leave it as it is.)\n#\n# How this file is written (YAML):\n# - Each line is "field: value". The spaces at the start of a line say what it belongs to: two more\n#   spaces than the line above means "part of it". Use spaces, never tabs (Tab in this editor adds two).\n# - A line starting with "- " is one item of a list (a beat, a choice, a rule).\n# - If a text holds ": " or starts with a symbol, put it in quotes: "Order number: 4471".\n# - Every text has an English (en) and a Spanish (es) version.\n# - A line starting with # is a note for people, like this one; the game ignores it.\n# The "Problems" list says what is wrong and on which line, as you type.\n',
    persona: '# The customer the trainee talks to, and how they feel at the start (mood from -1 to 1).',
    facts: '# What the trainee can find out, and how (here: by looking it up).',
    beats:
      '# The conversation, beat by beat: what the customer says, the replies the trainee can pick\n# (choices), and under "on:" the rules that say where each answer leads ("go:" names a beat).\n# A new choice needs its own rule under "on:" (or a "go:" of its own), or nothing answers it.',
    expected: '# What a good answer looks like, for the debrief.',
  },
  es: {
    head: '# Un escenario nuevo: un cliente con un caso. Cambie los textos y pulse «Jugar» para probarlo.\n# (La línea de arriba permite a otros editores revisar este archivo mientras escribe; déjela como está.)\n#\n# Cómo se escribe este archivo (YAML):\n# - Cada línea es «campo: valor». Los espacios al principio de la línea dicen a qué pertenece: dos\n#   espacios más que la línea de arriba significa «parte de ella». Use espacios, nunca tabuladores\n#   (Tab en este editor añade dos).\n# - Una línea que empieza por "- " es un elemento de una lista (un momento, una respuesta, una regla).\n# - Si un texto lleva ": " o empieza por un símbolo, póngalo entre comillas: "Pedido número: 4471".\n# - Cada texto tiene una versión en inglés (en) y otra en español (es).\n# - Una línea que empieza por # es una nota para las personas, como esta; el juego no la lee.\n# La lista «Problemas» dice qué falla y en qué línea mientras escribe.\n',
    persona:
      '# El cliente con quien habla la persona en formación y cómo se siente al empezar (ánimo de -1 a 1).',
    facts: '# Lo que la persona en formación puede averiguar, y cómo (aquí, consultándolo).',
    beats:
      '# La conversación, momento a momento: lo que dice el cliente, las respuestas que se pueden elegir\n# (choices) y, bajo "on:", las reglas que dicen adónde lleva cada respuesta ("go:" nombra un momento).\n# Una respuesta nueva necesita su propia regla bajo "on:" (o su propio "go:"); si no, nada la contesta.',
    expected: '# Cómo es una buena respuesta, para la evaluación.',
  },
} as const;

/**
 * The template's text, its comments in `language` (the studio's). The scenario itself, in both
 * languages, is the same whichever language the comments are in.
 */
export function scenarioTemplate(language: 'en' | 'es'): string {
  const c = COMMENTS[language];
  return `# yaml-language-server: $schema=../../public/schema/scenario.schema.json
${c.head}id: my-first-scenario
version: 1
title:
  en: A parcel that never arrived
  es: Un paquete que nunca llegó
level: 1
channel: chat
topic: orders-and-products
minutes: 3

${c.persona}
persona:
  name: Marta Ruiz
  traits: { patience: 0.5, volatility: 0.5, trust: 0.5 }
  mood: -0.2

${c.facts}
facts:
  - id: tracking
    label: { en: Tracking, es: Seguimiento }
    value:
      en: The parcel is at the local depot and goes out for delivery tomorrow morning.
      es: El paquete está en el almacén local y sale a reparto mañana por la mañana.
    reveal: lookup

${c.beats}
start: opening
beats:
  - id: opening
    says:
      en: My parcel was due on Monday and it still hasn't come. Where is it?
      es: Mi paquete tenía que llegar el lunes y todavía no ha llegado. ¿Dónde está?
    choices:
      - id: give-tracking
        needs: [tracking]
        text:
          en: Sorry for the wait, Marta. It is at your local depot and goes out for delivery tomorrow morning.
          es: Perdone la espera, Marta. Está en su almacén local y sale a reparto mañana por la mañana.
      - id: not-our-problem
        text:
          en: Deliveries are the courier's business, not ours.
          es: Los envíos son cosa de la mensajería, no nuestra.
    on:
      - choice: give-tracking
        go: reassured
        mood: 0.4
      - mentions:
          en: [depot, tomorrow, out for delivery]
          es: [almacén, mañana, reparto]
        known: [tracking]
        go: reassured
        mood: 0.4
      - choice: not-our-problem
        go: upset
      - said: [sarcasm, dismissive]
        go: upset

  - id: reassured
    says:
      en: Tomorrow is fine. Thank you for checking.
      es: Mañana me va bien. Gracias por mirarlo.
    ending: satisfied

  - id: upset
    says:
      en: Then I will order somewhere else next time.
      es: Pues la próxima vez compraré en otro sitio.
    ending: upset

${c.expected}
expected:
  why:
    en: A question about an order's whereabouts is Level 1 work. Look it up and say when it arrives.
    es: Preguntar dónde está un pedido es trabajo del nivel 1. Hay que consultarlo y decir cuándo llega.
  resolutions:
    - kind: information
  follow_up: false
`;
}

/** The template with English comments. */
export const SCENARIO_TEMPLATE = scenarioTemplate('en');
