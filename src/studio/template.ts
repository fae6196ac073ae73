/**
 * The scenario a trainer starts from with "New scenario": small, valid, in English and Spanish, and
 * with a comment on each part saying what it is for, so it can be played at once and then changed.
 */

/** The file name the new scenario gets (a number is added when one of that name is open). */
export const TEMPLATE_FILE = 'my-first-scenario.yaml';

/** The template's text. */
export const SCENARIO_TEMPLATE = `# yaml-language-server: $schema=../../public/schema/scenario.schema.json
# A new scenario. Change the words, then press "Play" to try it in the desk.
# Every text has an English (en) and a Spanish (es) version.
id: my-first-scenario
version: 1
title:
  en: A parcel that never arrived
  es: Un paquete que nunca llegó
level: 1
channel: chat
topic: orders-and-products
minutes: 3

# The customer the trainee talks to, and how they feel at the start (mood from -1 to 1).
persona:
  name: Marta Ruiz
  traits: { patience: 0.5, volatility: 0.5, trust: 0.5 }
  mood: -0.2

# What the trainee can find out, and how (here: by looking it up).
facts:
  - id: tracking
    label: { en: Tracking, es: Seguimiento }
    value:
      en: The parcel is at the local depot and goes out for delivery tomorrow morning.
      es: El paquete está en el almacén local y sale a reparto mañana por la mañana.
    reveal: lookup

# The conversation, beat by beat: what the customer says, and where each answer leads.
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

# What a good answer looks like, for the debrief.
expected:
  why:
    en: A question about an order's whereabouts is Level 1 work. Look it up and say when it arrives.
    es: Preguntar dónde está un pedido es trabajo del nivel 1. Hay que consultarlo y decir cuándo llega.
  resolutions:
    - kind: information
  follow_up: false
`;
